using Nyckelfri.Common;
using Nyckelfri.Properties;

namespace Nyckelfri.UnitTests.Properties;

public class EntranceTests
{
    private static readonly DateOnly Today = TestClock.Today;

    [Fact]
    public void Constructor_Address_BelongsToAddressAndNotAsked()
    {
        var address = new AddressBuilder().Build();

        var entrance = new Entrance(address, "Port B");

        entrance.MunicipalityId.ShouldBe(address.MunicipalityId);
        entrance.AddressId.ShouldBe(address.Id);
        entrance.ConsentStatus.ShouldBe(ConsentStatus.NotAsked);
        entrance.ConsentDate.ShouldBeNull();
    }

    [Theory]
    [InlineData(ConsentStatus.Asked)]
    [InlineData(ConsentStatus.Given)]
    [InlineData(ConsentStatus.Refused)]
    public void RecordConsent_AnswerWithoutDate_ThrowsValidationFailedOnConsentDate(ConsentStatus status)
    {
        var entrance = new EntranceBuilder().Build();

        var error = Should.Throw<ValidationFailedException>(() => entrance.RecordConsent(status, null, null, Today));

        error.ShouldBeSingleError("ConsentDate", "Ange datum för samtycket.");
        entrance.ConsentStatus.ShouldBe(ConsentStatus.NotAsked);
    }

    [Theory]
    [InlineData(ConsentStatus.Asked)]
    [InlineData(ConsentStatus.Given)]
    [InlineData(ConsentStatus.Refused)]
    public void RecordConsent_FutureDate_ThrowsValidationFailedOnConsentDate(ConsentStatus status)
    {
        var entrance = new EntranceBuilder().Build();

        var error = Should.Throw<ValidationFailedException>(
            () => entrance.RecordConsent(status, Today.AddDays(1), null, Today));

        error.ShouldBeSingleError("ConsentDate", "Datumet kan inte ligga i framtiden.");
        entrance.ConsentStatus.ShouldBe(ConsentStatus.NotAsked);
        entrance.ConsentDate.ShouldBeNull();
    }

    [Theory]
    [InlineData(ConsentStatus.Asked)]
    [InlineData(ConsentStatus.Given)]
    [InlineData(ConsentStatus.Refused)]
    public void RecordConsent_AnswerDatedToday_Recorded(ConsentStatus status)
    {
        var entrance = new EntranceBuilder().Build();

        entrance.RecordConsent(status, Today, "Styrelsen i BRF Lärkan", Today);

        entrance.ConsentStatus.ShouldBe(status);
        entrance.ConsentDate.ShouldBe(Today);
        entrance.ConsentNote.ShouldBe("Styrelsen i BRF Lärkan");
    }

    [Fact]
    public void RecordConsent_GivenAfterAsked_Replaces()
    {
        var entrance = new EntranceBuilder().Build();
        entrance.RecordConsent(ConsentStatus.Asked, Today.AddDays(-20), null, Today);

        entrance.RecordConsent(ConsentStatus.Given, Today.AddDays(-2), "Mejl från förvaltaren", Today);

        entrance.ConsentStatus.ShouldBe(ConsentStatus.Given);
        entrance.ConsentDate.ShouldBe(Today.AddDays(-2));
    }

    [Fact]
    public void RecordConsent_NotAskedWithDate_ClearsDate()
    {
        var entrance = new EntranceBuilder().Build();

        entrance.RecordConsent(ConsentStatus.NotAsked, Today.AddDays(-3), null, Today);

        entrance.ConsentStatus.ShouldBe(ConsentStatus.NotAsked);
        entrance.ConsentDate.ShouldBeNull();
    }

    [Fact]
    public void RecordConsent_NotAskedAfterGiven_ClearsDate()
    {
        var entrance = new EntranceBuilder().Build();
        entrance.RecordConsent(ConsentStatus.Given, Today.AddDays(-10), "Registrerad på fel port", Today);

        entrance.RecordConsent(ConsentStatus.NotAsked, null, null, Today);

        entrance.ConsentStatus.ShouldBe(ConsentStatus.NotAsked);
        entrance.ConsentDate.ShouldBeNull();
        entrance.ConsentNote.ShouldBeNull();
    }

    [Fact]
    public void RecordConsent_RejectedChange_KeepsEarlierConsent()
    {
        var entrance = new EntranceBuilder().Build();
        entrance.RecordConsent(ConsentStatus.Given, Today.AddDays(-10), "Protokoll 2026-11-12", Today);

        Should.Throw<ValidationFailedException>(() => entrance.RecordConsent(ConsentStatus.Refused, null, "Nej", Today));

        entrance.ConsentStatus.ShouldBe(ConsentStatus.Given);
        entrance.ConsentDate.ShouldBe(Today.AddDays(-10));
        entrance.ConsentNote.ShouldBe("Protokoll 2026-11-12");
    }

    [Fact]
    public void SwedishName_EveryStatus_HasSwedishName()
    {
        foreach (var status in Enum.GetValues<ConsentStatus>())
            Entrance.SwedishName(status).ShouldNotBe(status.ToString());
    }
}
