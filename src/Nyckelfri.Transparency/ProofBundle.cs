using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nyckelfri.Transparency;

/// <summary>
/// What a third party checks without Nyckelfri (docs/audit-log.md, "Proof bundle"): the published verifier key,
/// signed checkpoints, inclusion proofs of entries in them and consistency proofs between them. JSON, hashes
/// in standard base64; <c>tools/audit-verify.py</c> checks it with Python and <c>cryptography</c> alone.
/// </summary>
public sealed record ProofBundle(
    string VerifierKey,
    IReadOnlyList<string> Checkpoints,
    IReadOnlyList<InclusionProofJson> Inclusion,
    IReadOnlyList<ConsistencyProofJson> Consistency)
{
    public const string FormatV1 = "nyckelfri-audit-proof/v1";

    public string Format { get; init; } = FormatV1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProofBundle? FromJson(string json) => JsonSerializer.Deserialize<ProofBundle>(json, Json);
}

/// <param name="Checkpoint">Which of the bundle's checkpoints (0-based) the proof leads to.</param>
/// <param name="Entry">The entry's canonical bytes, when the holder may see them (the leaf hash is then recomputed from them).</param>
public sealed record InclusionProofJson(
    int Checkpoint,
    long LeafIndex,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] byte[]? Entry,
    byte[] LeafHash,
    IReadOnlyList<byte[]> Proof);

/// <param name="From">The older checkpoint (index in the bundle).</param>
/// <param name="To">The newer one.</param>
public sealed record ConsistencyProofJson(int From, int To, IReadOnlyList<byte[]> Proof);
