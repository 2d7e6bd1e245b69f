using System.Text;

namespace Nyckelfri.LockProtocol;

/// <summary>
/// The fixed numbers of protocol version 2. Changing any of them changes the bytes on the wire or
/// what a lock accepts, so each change is a new protocol version (docs/lock-protocol.md, "Versioning").
/// </summary>
public static class Protocol
{
    public const byte Version = 2;

    /// <summary>
    /// At most one shift of 12 h with both ends included: valid until − valid from ≤ 43,199 s, so a
    /// window holds at most 43,200 whole seconds. Enforced by the issuer and again by every lock.
    /// </summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromSeconds(MaxValiditySeconds);

    /// <summary><see cref="MaxValidity"/> in seconds: the largest allowed valid until − valid from.</summary>
    public const long MaxValiditySeconds = (12 * 60 * 60) - 1;

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

    /// <summary>The most events one signed batch carries (a lock's whole event memory in the emulator).</summary>
    public const int MaxEventsPerBatch = 1000;

    // Domain-separation tags: the first bytes of everything signed or hashed, so that a signature
    // made for one kind of message can never be taken for another, in this or any other protocol.
    // Public so that other implementations (the browser holder) render them from here.
    public const string CredentialTagText = "nyckelfri/credential/v2";
    public const string ResponseTagText = "nyckelfri/response/v2";
    public const string RevocationListTagText = "nyckelfri/revocation-list/v2";

    /// <summary>Prefix of the hash that chains a lock's events (each event carries the hash of the one before).</summary>
    public const string EventTagText = "nyckelfri/event/v2";

    /// <summary>Prefix of what a lock signs when it hands over a batch: the head of its event chain.</summary>
    public const string EventBatchTagText = "nyckelfri/event-batch/v2";

    internal static readonly byte[] CredentialTag = Encoding.ASCII.GetBytes(CredentialTagText);
    internal static readonly byte[] ResponseTag = Encoding.ASCII.GetBytes(ResponseTagText);
    internal static readonly byte[] RevocationListTag = Encoding.ASCII.GetBytes(RevocationListTagText);
    internal static readonly byte[] EventTag = Encoding.ASCII.GetBytes(EventTagText);
    internal static readonly byte[] EventBatchTag = Encoding.ASCII.GetBytes(EventBatchTagText);

    // Follows the protocol version, so a new version gives the key set a new tag with everything else.
    internal static readonly byte[] IssuerKeySetTag = Encoding.ASCII.GetBytes($"nyckelfri/issuer-key-set/v{Version}");

    /// <summary>
    /// What the first event a lock ever logs (sequence 1) carries as "the hash before": 32 zero bytes.
    /// The lock id is in every event, so two locks' chains never share a hash.
    /// </summary>
    public static ReadOnlySpan<byte> ChainStart => new byte[HashLength];
}

/// <summary>The first byte of every encoded message.</summary>
public enum MessageType : byte
{
    Credential = 0x01,
    Challenge = 0x02,
    Response = 0x03,
    RevocationList = 0x04,
    EventBatch = 0x05,
    IssuerKeySet = 0x06,
}
