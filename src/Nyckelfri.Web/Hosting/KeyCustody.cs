using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Nyckelfri.Data;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// The Data Protection key ring is kept in the database (<see cref="DatabaseKeyRepository"/>) and
/// encrypted there with a key-encryption certificate that is not in the database: a copy of the
/// database alone cannot decrypt the keys that protect the issuer keys, the TOTP secrets, cookies and
/// tokens (docs/key-custody.md). Outside Development and the embedded demo the host refuses to start
/// without the certificate.
/// </summary>
public static class KeyCustody
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string KeyPathSetting = "DataProtection:CertificateKeyPath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string PreviousSection = "DataProtection:PreviousCertificates";

    /// <summary>The certificate the demo and Development make for themselves under the data folder.</summary>
    public const string GeneratedFileName = "dataprotection-kek.pfx";

    public static readonly string MissingCertificateMessage =
        $"The Data Protection key ring must be encrypted at rest, and no key-encryption certificate is configured. " +
        $"Set {PathSetting} to a PKCS#12 (.pfx) file with {PasswordSetting}, or to a PEM certificate with {KeyPathSetting} " +
        "(an RSA key, 3072 bits or more, kept outside the database and its backups; see docs/key-custody.md). " +
        "Only Development and the embedded demo make one by themselves.";

    /// <summary>What start-up says about the key-encryption certificate (logged once the host runs).</summary>
    public sealed record Report(string Message, string Thumbprint);

    public static IServiceCollection AddNyckelfriKeyCustody(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, IReadOnlyList<string> args, TimeProvider? clock = null)
    {
        // Registration runs before the container exists, so the clock comes in as an argument (the system's by default).
        var (certificate, report) = Load(configuration, environment, args, clock ?? TimeProvider.System);
        var previous = configuration.GetSection(PreviousSection).GetChildren().Select(LoadConfigured).ToArray();

        services.AddDataProtection().SetApplicationName("Nyckelfri")
            .ProtectKeysWithCertificate(certificate)
            // The current certificate and the ones it replaced can all decrypt; only the current one encrypts.
            .UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        services.AddSingleton(report);
        services.AddHostedService<KeyCustodyLog>();
        return services;
    }

    private static (X509Certificate2 Certificate, Report Report) Load(IConfiguration configuration, IHostEnvironment environment, IReadOnlyList<string> args,
        TimeProvider clock)
    {
        if (!string.IsNullOrWhiteSpace(configuration[PathSetting]))
        {
            var configured = LoadConfigured(configuration.GetSection("DataProtection"));
            return (configured, new Report($"Data Protection keys are encrypted with the certificate in {configuration[PathSetting]}.", configured.Thumbprint));
        }
        var demo = DemoHosting.Read(configuration, args);
        var embedded = DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Nyckelfri"));
        if (!environment.IsDevelopment() && !(demo.Enabled && embedded))
            throw new InvalidOperationException(MissingCertificateMessage);

        var folder = DatabaseSetup.DataFolder(configuration, environment.ContentRootPath);
        var path = Path.Combine(folder, GeneratedFileName);
        var made = !File.Exists(path);
        if (made) Generate(path, clock);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet);
        return (certificate, new Report(
            (made ? "Made a key-encryption certificate for the demo at " : "The demo's key-encryption certificate is ") + path +
            " (file mode 600). Keep it with the database file; a production host names its own certificate in " + PathSetting + ".",
            certificate.Thumbprint));
    }

    /// <summary>A certificate from <c>CertificatePath</c> with <c>CertificatePassword</c> (PKCS#12) or <c>CertificateKeyPath</c> (PEM).</summary>
    private static X509Certificate2 LoadConfigured(IConfigurationSection section)
    {
        var path = section["CertificatePath"] ?? section["Path"];
        var keyPath = section["CertificateKeyPath"] ?? section["KeyPath"];
        var password = section["CertificatePassword"] ?? section["Password"];
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException($"{section.Path}: a key-encryption certificate needs a path.");
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(keyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
                : X509Certificate2.CreateFromPemFile(path, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{section.Path}: the key-encryption certificate '{path}' could not be read ({e.Message}). Check the path, the password and the file's permissions.", e);
        }
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
            throw new InvalidOperationException(
                $"{section.Path}: the key-encryption certificate '{path}' must be an RSA certificate with its private key (XML encryption wraps keys with RSA).");
        return certificate;
    }

    /// <summary>A self-signed RSA-3072 certificate as PKCS#12 without a password, readable by the owner only.</summary>
    internal static void Generate(string path, TimeProvider clock)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Nyckelfri data protection (demo)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new FileStream(path, options);
        file.Write(certificate.Export(X509ContentType.Pfx));
    }

    /// <summary>Says once, at start, which certificate encrypts the key ring (never the key itself).</summary>
    private sealed class KeyCustodyLog(Report report, ILogger<KeyCustodyLog> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("{Message} Certificate thumbprint {Thumbprint}.", report.Message, report.Thumbprint);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
