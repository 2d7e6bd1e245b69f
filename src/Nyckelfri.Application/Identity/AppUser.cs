using Microsoft.AspNetCore.Identity;

namespace Nyckelfri.Identity;

/// <summary>A person who logs in. Belongs to one municipality; provider roles also name a provider/unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid MunicipalityId { get; set; }
    public Guid? ProviderId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? EmployeeId { get; set; }
}
