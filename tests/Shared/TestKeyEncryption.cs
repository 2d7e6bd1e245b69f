using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Nyckelfri.Testing;

/// <summary>
/// Key-encryption certificates for the test hosts (docs/key-custody.md): the app outside Development
/// refuses to start without one. <see cref="Run"/> is made once per test run and shared by every app
/// (an RSA key costs tens of milliseconds, a test run starts dozens of apps); a test that needs a
/// second, different certificate makes one with <see cref="Create"/>. Shared by the integration and
/// browser tests (linked into both projects).
/// </summary>
public sealed class TestKeyEncryption
{
    private static readonly Lazy<TestKeyEncryption> Shared = new(() => Create("run"));

    private TestKeyEncryption(string path, string password, string thumbprint)
    {
        Path = path;
        Password = password;
        Thumbprint = thumbprint;
    }

    /// <summary>The run's certificate.</summary>
    public static TestKeyEncryption Run => Shared.Value;

    public string Path { get; }
    public string Password { get; }
    public string Thumbprint { get; }

    /// <summary>The settings a host under test is given: <c>DataProtection:CertificatePath</c> and its password.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("DataProtection:CertificatePath", Path),
        new("DataProtection:CertificatePassword", Password),
    ];

    /// <summary>A new self-signed RSA certificate as a password-protected PKCS#12 file in the temp folder.</summary>
    public static TestKeyEncryption Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Nyckelfri test key encryption ({name})", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nyckelfri-tests-kek");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"{name}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new TestKeyEncryption(path, password, certificate.Thumbprint);
    }
}
