namespace Nyckelfri.Identity;

/// <summary>
/// An ASP.NET Core data-protection key ring entry, kept in the database so that every app instance
/// on one database reads the same keys and accepts the others' cookies and tokens.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
