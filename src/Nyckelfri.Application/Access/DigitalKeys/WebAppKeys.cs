using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Nyckelfri.Common;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.Access;

/// <summary>
/// The key pair of a <see cref="DigitalKeyKind.WebApp"/> key: made by the server, its private half kept
/// encrypted by ASP.NET Core Data Protection in <see cref="DigitalKey.ProtectedPrivateKey"/>, and opened
/// only to sign for that key's own employee (the phone page).
/// </summary>
public sealed class WebAppKeys(IDataProtectionProvider protection) : IHandler
{
    public const string Purpose = "Nyckelfri.WebAppKey.v1";

    /// <summary>A new key pair: the public key (0x04 || X || Y) and the private key, encrypted, as base64.</summary>
    public (byte[] PublicKey, string ProtectedPrivateKey) Create()
    {
        using var key = P256.CreateKey();
        var secret = protection.CreateProtector(Purpose).Protect(key.ExportPkcs8PrivateKey());
        return (P256.ExportPublicKey(key), Convert.ToBase64String(secret));
    }

    /// <summary>The key's private key, ready to sign. The caller disposes it.</summary>
    public ECDsa Unprotect(DigitalKey key)
    {
        if (key.Kind != DigitalKeyKind.WebApp || key.ProtectedPrivateKey is null)
            throw new RuleViolationException("digital-key-not-web-app", "Nyckeln är ingen webbappsnyckel.");
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(protection.CreateProtector(Purpose).Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey)), out _);
            return ecdsa;
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }
}
