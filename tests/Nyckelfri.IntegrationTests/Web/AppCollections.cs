namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// Test classes that share one app per provider (<see cref="AppFixture"/> as a collection fixture), one class
/// at a time, as the tests of one class always have: each test makes the records it works on, and a
/// test that changes a municipality-wide setting (a routine preset, the two-factor roles) sets what it
/// needs first or puts it back after. An app start costs about a second (the host, the API's request
/// delegates, a copy of the prepared world); four collections start eight apps where forty classes
/// started eighty, and still give the two cores enough independent work to share. The long security
/// sweeps (the authorization matrices, bad input) keep an app of their own, and so do four classes that
/// look at more than their own records (the inbox page, the outbox dispatch, the routine configuration,
/// the install form) and failed when another class's records were in their app.
/// </summary>
public static class AppCollections
{
    /// <summary>Clients, households, properties, providers, staff, services, logins, the API document.</summary>
    public const string Registry = "App: registry";

    /// <summary>Devices, stock, batteries and physical keys.</summary>
    public const string DevicesAndKeys = "App: devices and keys";

    /// <summary>Work orders and the routines.</summary>
    public const string Routines = "App: routines";

    /// <summary>Digital keys, permissions, doors, the access log, visits and NFC.</summary>
    public const string Access = "App: access";
}

[CollectionDefinition(AppCollections.Registry)]
public sealed class RegistryAppCollection : ICollectionFixture<AppFixture>;

[CollectionDefinition(AppCollections.DevicesAndKeys)]
public sealed class DevicesAndKeysAppCollection : ICollectionFixture<AppFixture>;

[CollectionDefinition(AppCollections.Routines)]
public sealed class RoutinesAppCollection : ICollectionFixture<AppFixture>;

[CollectionDefinition(AppCollections.Access)]
public sealed class AccessAppCollection : ICollectionFixture<AppFixture>;
