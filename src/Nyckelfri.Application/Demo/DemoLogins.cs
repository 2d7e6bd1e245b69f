namespace Nyckelfri.Demo;

public static class DemoLogins
{
    public const string Password = "Nyckelfri-demo1";
    public sealed record Login(string UserName, string Role);
    public static readonly IReadOnlyList<Login> All = [];
}
