using Nyckelfri.Access;
using Nyckelfri.LockProtocol;

namespace Nyckelfri.UnitTests.Access;

/// <summary>The access log's own credential kinds are the protocol's by name, so what is stored did not change when the domain got its own enum.</summary>
public sealed class CredentialKindsTests
{
    [Fact]
    public void AccessCredentialKind_Names_AreTheProtocolsNames() =>
        Enum.GetNames<AccessCredentialKind>().Order().ShouldBe(Enum.GetNames<CredentialKind>().Order());

    [Theory]
    [InlineData(CredentialKind.Normal)]
    [InlineData(CredentialKind.BreakGlass)]
    public void ToAccessLog_AProtocolKind_TheAccessKindOfTheSameName(CredentialKind kind) =>
        kind.ToAccessLog().ToString().ShouldBe(kind.ToString());

    [Fact]
    public void ToAccessLog_AnUnknownKind_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ((CredentialKind)99).ToAccessLog());
}
