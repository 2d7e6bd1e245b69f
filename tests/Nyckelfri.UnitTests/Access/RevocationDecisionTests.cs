using Nyckelfri.Access;
using Nyckelfri.Access.Revocation;
using Nyckelfri.Devices;
using static Nyckelfri.UnitTests.Access.EmployeeFactsBuilder;

namespace Nyckelfri.UnitTests.Access;

/// <summary>
/// Revocation follows permission: the decision taken again for one issued credential after a change
/// (<see cref="RevocationFollowsPermission.WhyNot"/>), with the same policy the issuer uses.
/// </summary>
public sealed class RevocationDecisionTests
{
    private static readonly DateOnly Today = new(2027, 3, 27);
    private static readonly Guid KeyId = Guid.NewGuid();
    private static readonly Guid LockId = Guid.NewGuid();

    private static LockFacts Lock(params ServiceFacts[] services) =>
        new(LockId, "LS-1", DeviceKind.LockUnit, DeviceStatus.Installed, Guid.NewGuid(), null, services);

    private static RevocationFollowsPermission.Candidate Credential(EmployeeAccessFacts employee, DateTime validUntil,
        AccessEventKind kind = AccessEventKind.CredentialIssued) =>
        new(Guid.NewGuid(), Guid.NewGuid(), employee.EmployeeId, LockId, KeyId, validUntil, kind);

    private static DateTime EveningUtc => Nyckelfri.Common.SwedishTime.ToUtc(Today.ToDateTime(new TimeOnly(20, 0)));

    [Fact]
    public void WhyNot_EverythingStillHolds_IsNull()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Build();

        RevocationFollowsPermission.WhyNot(Credential(employee, EveningUtc), employee, true, (employee.EmployeeId, DigitalKeyStatus.Issued),
            Lock(HomeCare(Centrum, Today.AddMonths(-1))), Today).ShouldBeNull();
    }

    [Fact]
    public void WhyNot_EmploymentNowEndsToday_AndTheCredentialRunsIntoTomorrow_IsPermissionEndsEarlier()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Employed(new DateOnly(2020, 1, 1), Today).Build();
        var intoTomorrow = EveningUtc.AddHours(8);

        var why = RevocationFollowsPermission.WhyNot(Credential(employee, intoTomorrow), employee, true,
            (employee.EmployeeId, DigitalKeyStatus.Issued), Lock(HomeCare(Centrum, Today.AddMonths(-1))), Today);

        why!.Value.Code.ShouldBe("permission-ends-earlier");
        // One that ends inside today, skew included, stays.
        RevocationFollowsPermission.WhyNot(Credential(employee, CredentialWindow.LatestUntil(Today)), employee, true,
            (employee.EmployeeId, DigitalKeyStatus.Issued), Lock(HomeCare(Centrum, Today.AddMonths(-1))), Today).ShouldBeNull();
        RevocationFollowsPermission.WhyNot(Credential(employee, CredentialWindow.LatestUntil(Today).AddSeconds(1)), employee, true,
            (employee.EmployeeId, DigitalKeyStatus.Issued), Lock(HomeCare(Centrum, Today.AddMonths(-1))), Today)!.Value.Code
            .ShouldBe("permission-ends-earlier");
    }

    [Fact]
    public void WhyNot_TheKeyReturned_OrHandedToSomeoneElse_IsKeyNotHeld()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Build();
        var lockFacts = Lock(HomeCare(Centrum, Today.AddMonths(-1)));

        RevocationFollowsPermission.WhyNot(Credential(employee, EveningUtc), employee, true, (null, DigitalKeyStatus.InStock), lockFacts, Today)!
            .Value.Code.ShouldBe("key-not-held");
        RevocationFollowsPermission.WhyNot(Credential(employee, EveningUtc), employee, true, (Guid.NewGuid(), DigitalKeyStatus.Issued), lockFacts, Today)!
            .Value.Code.ShouldBe("key-not-held");
    }

    [Fact]
    public void WhyNot_ABreakGlass_IsTakenBackOnlyByTheEmployment()
    {
        var outsider = new EmployeeFactsBuilder().InUnit(Norr).Build();
        var lockFacts = Lock(HomeCare(Centrum, Today.AddMonths(-1)));

        RevocationFollowsPermission.WhyNot(Credential(outsider, EveningUtc, AccessEventKind.BreakGlass), outsider, true,
            (outsider.EmployeeId, DigitalKeyStatus.Issued), lockFacts, Today).ShouldBeNull();
        var onLeave = new EmployeeFactsBuilder().InUnit(Norr).OnLeave(Today, null).Build();
        RevocationFollowsPermission.WhyNot(Credential(onLeave, EveningUtc, AccessEventKind.BreakGlass), onLeave, true,
            (onLeave.EmployeeId, DigitalKeyStatus.Issued), lockFacts, Today)!.Value.Code.ShouldBe(nameof(PermissionDenial.OnLongLeave));
    }

    [Fact]
    public void WhyNot_NoLoginOrNoLock_SaySo()
    {
        var employee = new EmployeeFactsBuilder().InUnit(Centrum).Build();

        RevocationFollowsPermission.WhyNot(Credential(employee, EveningUtc), employee, false, (employee.EmployeeId, DigitalKeyStatus.Issued),
            Lock(HomeCare(Centrum, Today.AddMonths(-1))), Today)!.Value.Code.ShouldBe("login-unlinked");
        RevocationFollowsPermission.WhyNot(Credential(employee, EveningUtc), employee, true, (employee.EmployeeId, DigitalKeyStatus.Issued),
            null, Today)!.Value.Code.ShouldBe("lock-unmounted");
        RevocationFollowsPermission.WhyNot(Credential(employee, EveningUtc), null, true, null, null, Today)!.Value.Code.ShouldBe("employee-removed");
    }
}
