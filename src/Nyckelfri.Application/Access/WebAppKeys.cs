using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// Key pairs of <see cref="DigitalKeyKind.WebApp"/> keys: the web app is the staff app, so the server
/// holds the device key, encrypted with Data Protection and used only in the request of the key's own
/// employee. A phone app or fob keeps its private key on the device; the server sees only the public half.
/// </summary>
public sealed class WebAppKeys(IDataProtectionProvider protection) : IHandler
{
    private const string Purpose = "Nyckelfri.WebAppKey.v1";

    /// <summary>A new key pair: the public half (0x04||X||Y) and the protected private half for <see cref="DigitalKey.ProtectedPrivateKey"/>.</summary>
    public (byte[] PublicKey, string ProtectedPrivateKey) Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (P256.ExportPublicKey(key), Convert.ToBase64String(protection.CreateProtector(Purpose).Protect(key.ExportPkcs8PrivateKey())));
    }

    /// <summary>The key's device key, for answering a lock; throws for a key the server does not hold.</summary>
    public ECDsa Unprotect(DigitalKey key)
    {
        if (key.Kind != DigitalKeyKind.WebApp || key.ProtectedPrivateKey is null)
            throw new RuleViolationException("key-not-held-by-server", "Den här nyckeln finns i telefonen eller brickan: öppna med den.");
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(protection.CreateProtector(Purpose).Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
        return ecdsa;
    }
}
