using System.Net;
using Nyckelfri.Visits;

namespace Nyckelfri.UnitTests.Visits;

public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.8.9.10")] [InlineData("10.0.0.1")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")] [InlineData("169.254.169.254")] [InlineData("100.64.0.1")] [InlineData("0.0.0.0")] [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")] [InlineData("192.0.2.1")] [InlineData("198.18.0.1")] [InlineData("::1")] [InlineData("::")]
    [InlineData("fe80::1")] [InlineData("fd12:3456::1")] [InlineData("fec0::1")] [InlineData("ff02::1")] [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:127.0.0.1")] [InlineData("2002:0a00:0001::1")] [InlineData("64:ff9b::a00:1")]
    public void IsPublic_LocalPrivateOrSpecialAddress_False(string address) =>
        WebhookAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("8.8.8.8")] [InlineData("172.32.0.1")] [InlineData("100.128.0.1")] [InlineData("193.10.20.30")] [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_PublicAddress_True(string address) =>
        WebhookAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("http://planering.example.se/x")] [InlineData("https://localhost/x")] [InlineData("https://api.localhost/x")]
    [InlineData("https://10.0.0.5/x")] [InlineData("https://[::1]/x")] [InlineData("https://printer.local/x")]
    public void Refusal_OutsideDevelopment_Refused(string url) =>
        WebhookAddresses.Refusal(new Uri(url), allowLocal: false).ShouldNotBeNull();

    [Theory]
    [InlineData("https://planering.example.se/x", false)] [InlineData("https://8.8.8.8/x", false)]
    [InlineData("http://localhost:5080/x", true)] [InlineData("https://127.0.0.1/x", true)]
    public void Refusal_AllowedAddress_Null(string url, bool allowLocal) =>
        WebhookAddresses.Refusal(new Uri(url), allowLocal).ShouldBeNull();

    [Fact]
    public async Task ConnectAsync_Loopback_RefusedBeforeConnecting_UnlessLocalAllowed()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        await Should.ThrowAsync<WebhookAddressRefusedException>(async () => await WebhookAddresses.ConnectAsync("127.0.0.1", port, allowLocal: false, CancellationToken.None));
        listener.Pending().ShouldBeFalse();
        await using var stream = await WebhookAddresses.ConnectAsync("127.0.0.1", port, allowLocal: true, CancellationToken.None);
        using var accepted = await listener.AcceptTcpClientAsync();
        accepted.Connected.ShouldBeTrue();
    }
}
