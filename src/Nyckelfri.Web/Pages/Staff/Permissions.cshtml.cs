using Microsoft.AspNetCore.Authorization;
using Nyckelfri.Access;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Staff;

/// <summary>"Vad får medarbetaren öppna nu, och varför": every lock the employee may open today, with each reason.</summary>
[Authorize(Policy = Policies.DigitalKeysRead)]
public sealed class PermissionsModel(EmployeePermissions permissions) : NyckelfriPageModel
{
    public EmployeePermissions.Result Result { get; private set; } = null!;
    public bool CanSeeClients => Can(Policies.ClientsRead);
    public bool CanSeeDevices => Can(Policies.DevicesRead);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Result = await permissions.Handle(id, ct);
}
