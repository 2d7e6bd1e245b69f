using System.Security.Cryptography;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The phone app's side: a P-256 device key whose private half never leaves the phone, and the
/// answer to a lock's challenge. The server binds each credential to this key's public half.
/// </summary>
public sealed class Holder
{
    private readonly ECDsa _key;
    private readonly Lock _gate = new();

    /// <param name="key">A P-256 key with its private part. The holder does not own or dispose it.</param>
    public Holder(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!P256.IsP256(key))
            throw new ArgumentException("The device key must be an ECDSA key on P-256.", nameof(key));
        _key = key;
        PublicKey = P256.ExportPublicKey(key);
    }

    /// <summary>0x04 || X || Y: what the phone sends the server when it asks for a credential.</summary>
    public byte[] PublicKey { get; }

    /// <summary>
    /// Signs this challenge's nonce and lock id together with the credential. The phone does not
    /// second-guess the lock: a credential for another lock is answered, and the lock refuses it.
    /// </summary>
    public Response Answer(Challenge challenge, Credential credential)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(credential);
        if (!CryptographicOperations.FixedTimeEquals(credential.HolderPublicKey, PublicKey))
            throw new ArgumentException("The credential is bound to another device key.", nameof(credential));
        lock (_gate)
            return Response.Sign(_key, challenge.LockId, challenge.Nonce, credential);
    }
}
