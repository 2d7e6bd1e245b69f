using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// Keeps the data-protection key ring in the database, so every instance on one database decrypts the
/// others' cookies and tokens. (Microsoft's EF Core package for this is not served here; this is its
/// whole job: list and append XML elements.)
/// </summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NyckelfriDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
