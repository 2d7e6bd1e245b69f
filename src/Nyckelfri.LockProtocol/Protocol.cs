using System.Text;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The fixed numbers of protocol version 1. Changing any of them changes the bytes on the wire or
/// what a lock accepts, so each change is a new protocol version (docs/lock-protocol.md, "Versioning").
/// </summary>
public static class Protocol
{
    public const byte Version = 1;

    /// <summary>At most one shift: enforced by the issuer and again by every lock.</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromHours(12);

    /// <summary>How far a lock's clock may be off; a lock may be configured tighter or looser.</summary>
    public static readonly TimeSpan DefaultAllowedSkew = TimeSpan.FromSeconds(120);

    /// <summary>How long a lock keeps a challenge open for its answer.</summary>
    public static readonly TimeSpan DefaultChallengeLifetime = TimeSpan.FromSeconds(30);

    public const int MinNonceLength = 16;
    public const int MaxNonceLength = 64;

    /// <summary>What a lock uses: 32 random bytes, twice the minimum.</summary>
    public const int LockNonceLength = 32;

    public const int IdLength = 16;
    public const int PublicKeyLength = 65;
    public const int SignatureLength = 64;
    public const int HashLength = 32;
    public const int MaxKeyIdLength = 32;

    /// <summary>A response carries one credential; nothing valid is near this size.</summary>
    public const int MaxCredentialLength = 1024;

    // Domain-separation tags: the first bytes of everything signed, so that a signature made for
    // one kind of message can never be taken for another, in this or any other protocol.
    internal static readonly byte[] CredentialTag = Encoding.ASCII.GetBytes("nyckelfri/credential/v1");
    internal static readonly byte[] ResponseTag = Encoding.ASCII.GetBytes("nyckelfri/response/v1");
    internal static readonly byte[] RevocationListTag = Encoding.ASCII.GetBytes("nyckelfri/revocation-list/v1");

    // Follows the protocol version, so a new version gives the key set a new tag with everything else.
    internal static readonly byte[] IssuerKeySetTag = Encoding.ASCII.GetBytes($"nyckelfri/issuer-key-set/v{Version}");
}

/// <summary>The first byte of every encoded message.</summary>
public enum MessageType : byte
{
    Credential = 0x01,
    Challenge = 0x02,
    Response = 0x03,
    RevocationList = 0x04,
    IssuerKeySet = 0x05,
}
