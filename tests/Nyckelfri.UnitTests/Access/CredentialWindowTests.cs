using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.Access;

/// <summary>
/// A credential never opens outside the permission's last day, skew included: valid until + the lock's
/// skew is at most 23:59:59 Swedish time on the last day, in winter, in summer and on the two days the
/// clocks change; one second either side of every edge.
/// </summary>
public sealed class CredentialWindowTests
{
    private static readonly TimeSpan Skew = Protocol.DefaultAllowedSkew;

    public static TheoryData<string, int> Days => new()
    {
        { "2027-01-15", 1 },  // winter time
        { "2027-07-15", 2 },  // summer time
        { "2027-03-28", 2 },  // the clocks go forward at 02:00: the day has 23 hours
        { "2027-10-31", 1 },  // the clocks go back at 03:00: the day has 25 hours
    };

    [Theory, MemberData(nameof(Days))]
    public void LatestUntil_PlusTheSkew_IsTheLastSecondOfTheDay_InSwedishTime(string date, int offsetHoursAtMidnight)
    {
        var day = DateOnly.Parse(date);

        var opensUntil = CredentialWindow.OpensUntil(CredentialWindow.LatestUntil(day));

        SwedishTime.ToLocal(opensUntil).ShouldBe(day.ToDateTime(new TimeOnly(23, 59, 59)));
        SwedishTime.ToLocal(opensUntil.AddSeconds(1)).ShouldBe(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        opensUntil.ShouldBe(day.ToDateTime(new TimeOnly(23, 59, 59)).AddHours(-offsetHoursAtMidnight));
    }

    [Theory, MemberData(nameof(Days))]
    public void UntilFor_LateOnTheLastDay_IsCutSoThatTheSkewStaysInside(string date, int _)
    {
        var day = DateOnly.Parse(date);
        var latest = CredentialWindow.LatestUntil(day);

        // One second before the last moment anything can be issued: a one-second credential.
        IssueCredential.UntilFor(latest.AddSeconds(-1), day).ShouldBe(latest);
        // At it and after: the window would end before it starts; the caller issues nothing.
        IssueCredential.UntilFor(latest, day).ShouldBeLessThanOrEqualTo(latest);
        (IssueCredential.UntilFor(latest.AddSeconds(1), day) <= latest.AddSeconds(1)).ShouldBeTrue();
        // Early in the day a whole shift fits and nothing is cut.
        var morning = SwedishTime.ToUtc(day.ToDateTime(new TimeOnly(6, 0)));
        IssueCredential.UntilFor(morning, day).ShouldBe(morning + IssueCredential.ShiftLength);
    }

    [Fact]
    public void UntilFor_WithoutALastDay_IsOneShift()
    {
        var now = new DateTime(2027, 3, 27, 22, 0, 0, DateTimeKind.Utc);

        IssueCredential.UntilFor(now, null).ShouldBe(now + IssueCredential.ShiftLength);
    }

    [Fact]
    public void UntilFor_AShiftOverMidnightBeforeTheLastDay_IsNotCut()
    {
        var evening = SwedishTime.ToUtc(new DateTime(2027, 3, 27, 20, 0, 0));

        IssueCredential.UntilFor(evening, new DateOnly(2027, 3, 28)).ShouldBe(evening + IssueCredential.ShiftLength);
        (CredentialWindow.OpensUntil(IssueCredential.UntilFor(evening, new DateOnly(2027, 3, 27))) - Skew)
            .ShouldBe(CredentialWindow.LatestUntil(new DateOnly(2027, 3, 27)));
    }
}
