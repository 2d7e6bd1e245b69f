using Microsoft.EntityFrameworkCore;
using Nyckelfri.Data;
using Nyckelfri.Identity;

namespace Nyckelfri.Demo;

/// <summary>The login page's list of demo logins: public by design, shown only while a demo municipality exists.</summary>
internal sealed class DemoLoginList(NyckelfriDbContext db) : IDemoLoginList
{
    public string Password => DemoLogins.Password;

    public async Task<IReadOnlyList<DemoLoginEntry>> ListAsync(CancellationToken cancellationToken)
    {
        if (!await db.Municipalities.AcrossMunicipalities().AnyAsync(m => m.IsDemo, cancellationToken)) return [];
        return [.. DemoLogins.All.Select(l => new DemoLoginEntry(l.UserName, l.SwedishRoleName, l.Scope))];
    }
}
