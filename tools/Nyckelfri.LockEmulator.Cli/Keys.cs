using System.Security.Cryptography;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.LockEmulator.Cli;

/// <summary>P-256 keys in PEM files: PKCS#8 for the private half, SubjectPublicKeyInfo for the public one.</summary>
internal static class Keys
{
    public static ECDsa Load(FileInfo file)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(file.FullName));
        if (P256.IsP256(key))
            return key;
        key.Dispose();
        throw new InvalidOperationException($"{file.Name} does not hold a P-256 key.");
    }

    public static byte[] LoadPublic(FileInfo file)
    {
        using var key = Load(file);
        return P256.ExportPublicKey(key);
    }

    public static void WritePrivate(string path, ECDsa key)
    {
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        // Only the owner may read a private key.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static void WritePublic(string path, ECDsa key) => File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
}
