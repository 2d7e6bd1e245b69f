using System.Numerics;
using System.Security.Cryptography;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Demo;

/// <summary>
/// The emulated locks' own keys (protocol v2: every lock makes its P-256 key pair at commissioning and
/// keeps the private half). The emulator lives in memory, yet the demo must go on after a restart with
/// the public keys registered on the devices, so each emulated lock's key is derived from one demo
/// secret: HKDF-SHA256 over 32 random bytes kept in a file under <c>data/</c> (never in the database),
/// with the lock id as context. Whoever has the file can sign any demo lock's events: it is a demo.
/// A real lock's private key never leaves the lock.
/// </summary>
public sealed class DemoLockKeys
{
    private static readonly BigInteger OrderMinusOne =
        BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550", System.Globalization.NumberStyles.HexNumber);

    private readonly Lazy<byte[]> _secret;

    public DemoLockKeys(string secretFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretFile);
        SecretFile = secretFile;
        _secret = new Lazy<byte[]>(() => LoadOrCreate(secretFile));
    }

    public string SecretFile { get; }

    /// <summary>The emulated lock's private key; the caller owns it.</summary>
    public ECDsa KeyFor(Guid lockId)
    {
        var material = HKDF.DeriveKey(HashAlgorithmName.SHA256, _secret.Value, 48,
            salt: "nyckelfri/demo-lock-key/v2"u8.ToArray(), info: lockId.ToByteArray(bigEndian: true));
        // 48 bytes reduced into 1 … n − 1: a valid private scalar with negligible bias.
        var scalar = (new BigInteger(material, isUnsigned: true, isBigEndian: true) % OrderMinusOne) + 1;
        var d = new byte[32];
        var bytes = scalar.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(d, d.Length - bytes.Length);
        return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
    }

    /// <summary>The public half, 0x04 ‖ X ‖ Y, as the demo registers it on the lock's device record.</summary>
    public byte[] PublicKeyFor(Guid lockId)
    {
        using var key = KeyFor(lockId);
        return P256.ExportPublicKey(key);
    }

    /// <summary>Registers every lock and entrance unit's public key on its device record, as commissioning would.</summary>
    public void Register(IEnumerable<Nyckelfri.Devices.Device> devices)
    {
        foreach (var device in devices)
            if (device.Kind is Nyckelfri.Devices.DeviceKind.LockUnit or Nyckelfri.Devices.DeviceKind.EntranceUnit)
                device.RegisterLockPublicKey(PublicKeyFor(device.Id));
    }

    private static byte[] LoadOrCreate(string file)
    {
        if (File.Exists(file)) return ReadSecret(file);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(file, options);
            var secret = RandomNumberGenerator.GetBytes(32);
            stream.Write(secret);
            return secret;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another instance made it first: use theirs.
            return ReadSecret(file);
        }
    }

    private static byte[] ReadSecret(string file)
    {
        for (var attempt = 0; ; attempt++)
        {
            var secret = File.ReadAllBytes(file);
            if (secret.Length == 32) return secret;
            if (attempt >= 20) throw new InvalidOperationException($"The demo lock secret {file} is not 32 bytes.");
            Thread.Sleep(25); // being written by another instance
        }
    }
}
