using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Identity;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Admin;

[Authorize(Policy = Policies.MunicipalityAdmin)]
public sealed class UsersModel(UserAdministration admin) : NyckelfriPageModel
{
    public IReadOnlyList<UserAdministration.Item> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.List(ct);
}
