using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nyckelfri.Access;
using Nyckelfri.Clients;
using Nyckelfri.Common;
using Nyckelfri.Data;
using Nyckelfri.Devices;
using Nyckelfri.Households;
using Nyckelfri.LockProtocol;
using Nyckelfri.Properties;
using Nyckelfri.Providers;
using Nyckelfri.Services;
using Nyckelfri.Staff;
using Nyckelfri.Tenancy;

namespace Nyckelfri.Benchmarks;

/// <summary>
/// The server side of the online path, through the real handlers and EF Core on a SQLite file (the
/// embedded database) or, with NYCKELFRI_BENCH_POSTGRES set, PostgreSQL: one credential request as the app makes it
/// (permission facts, the key, signing, the access-log line saved), and an upload of 500 new lock
/// events (the idempotency check, the log lines, the lock's sync row) reported per event.
/// </summary>
public class ServerAccessBenchmarks : IDisposable
{
    private const int Batch = 500;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nyckelfri-bench-{Guid.NewGuid():N}.db");
    private readonly IDataProtectionProvider _protection = new EphemeralDataProtectionProvider();
    private readonly IssuerCache _issuers = new();
    private DbContextOptions<NyckelfriDbContext> _options = null!;
    private AccessScope _scope = null!;
    private Guid _lockId;
    private ECDsa _lockKey = null!;
    private EventChain _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        // PostgreSQL (production) when NYCKELFRI_BENCH_POSTGRES names a server, else a SQLite file in
        // write-ahead-log mode as the app runs it (DatabaseSetup).
        var postgres = Environment.GetEnvironmentVariable("NYCKELFRI_BENCH_POSTGRES");
        _options = postgres is { Length: > 0 }
            ? new DbContextOptionsBuilder<NyckelfriDbContext>().UseNpgsql($"{postgres};Database=nyckelfri_bench_{Guid.NewGuid():N}").Options
            : new DbContextOptionsBuilder<NyckelfriDbContext>().UseSqlite($"Data Source={_file}").Options;
        using var db = new NyckelfriDbContext(_options, AccessScope.System(), TimeProvider.System);
        db.Database.EnsureDeleted();
        db.Database.EnsureCreated();
        if (postgres is not { Length: > 0 }) db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        var today = TimeProvider.System.Today();
        var municipality = new Municipality("Benchmark kommun", "bench", isDemo: true);
        var provider = new Provider(municipality.Id, "Hemtjänsten", ProviderKind.Internal);
        var unit = new Unit(provider, "Centrum", UnitKind.HomeCare);
        var address = new Address(municipality.Id, "Testgatan 1", "11122", "Teststad");
        var household = new Household(address, null);
        var client = new Client(municipality.Id, "Test", "Testsson", PersonalIdentityNumber.Parse("194001011234".Remove(11) + PersonalIdentityNumber.CheckDigitFor("400101123"), today));
        household.AddCohabitant(client);
        var model = new DeviceModel(municipality.Id, DeviceKind.LockUnit, "Lås", "Leverantör");
        var store = new StockLocation(municipality.Id, "Lager");
        var device = new Device(model, "BENCH-1", "K-1", store, "1.0");
        device.Install(household, null, today.AddDays(-10));
        _lockKey = P256.CreateKey();
        device.RegisterLockPublicKey(P256.ExportPublicKey(_lockKey));
        var employee = new Employee(municipality.Id, provider.Id, "Anna", "Bänk", EmploymentType.Permanent, today.AddYears(-1));
        employee.SetUnits([unit]);
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new DigitalKey(municipality.Id, "DK-1", DigitalKeyKind.PhoneApp, P256.ExportPublicKey(phone), KeyStock.AlarmCentre);
        key.Issue(employee.Id, today.AddDays(-1), null);
        db.AddRange(municipality, provider, unit, address, household, client, model, store, device, employee, key,
            new CareService(client, CareServiceKind.HomeCare, true, unit, today.AddMonths(-1), null));
        db.SaveChanges();
        _lockId = device.Id;
        _chain = new EventChain(_lockId, _lockKey);
        _scope = new AccessScope
        {
            MunicipalityId = municipality.Id, ProviderId = provider.Id, UnitId = unit.Id, EmployeeId = employee.Id,
            UserName = "Anna Bänk", Today = today, Roles = new HashSet<string> { Identity.Roles.Employee },
        };
    }

    [Benchmark(Description = "Credential request (facts, permission, sign, log line saved)")]
    public bool IssueCredential()
    {
        using var db = new NyckelfriDbContext(_options, _scope, TimeProvider.System);
        var issuers = new IssuerKeys(db, _protection, _issuers);
        var handler = new IssueCredential(db, new AccessFacts(db), issuers, new RevocationLists(db, issuers));
        return handler.Handle(new IssueCredential.Command { LockId = _lockId }, CancellationToken.None).GetAwaiter().GetResult().Issued;
    }

    /// <summary>
    /// Protocol v2: the lock chains and signs 500 new events (its side, included here: 500 hashes and
    /// one signature), the server decodes, verifies the signature and chain, checks forks and stores.
    /// </summary>
    [Benchmark(Description = "Event upload, per event (signed batches of 500 new events)", OperationsPerInvoke = Batch)]
    public int UploadEvents()
    {
        using var db = new NyckelfriDbContext(_options, _scope, TimeProvider.System);
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        var events = new List<ChainedEvent>(Batch);
        for (var i = 0; i < Batch; i++)
            events.Add(_chain.Append(s => new LockEvent(_lockId, s, now, LockEventKind.Opened)));
        var batch = _chain.Sign(events).ToArray();
        return new UploadLockEvents(db, new Visits.VisitPairing(db)).Handle(_lockId, batch, CancellationToken.None)
            .GetAwaiter().GetResult().Stored;
    }

    public void Dispose()
    {
        using (var db = new NyckelfriDbContext(_options, AccessScope.System(), TimeProvider.System))
            if (db.Database.IsNpgsql()) db.Database.EnsureDeleted();
        SqliteConnection.ClearAllPools();
        _lockKey?.Dispose();
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }
}
