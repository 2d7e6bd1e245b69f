using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Access;

namespace Nyckelfri.Web.Pages.Access;

/// <summary>The lock page's "Spärrlista och händelser": the lock's revocation-list lag and the worst-case exposure of a blocked key.</summary>
public sealed class LockSyncViewComponent(GetLockSync get, TimeProvider clock) : ViewComponent
{
    public sealed record Model(LockSyncStatus Status, DateTime Now);

    public async Task<IViewComponentResult> InvokeAsync(Guid lockId) =>
        View("~/Pages/Access/_LockSync.cshtml", new Model(await get.Handle(lockId, HttpContext.RequestAborted), clock.GetUtcNow().UtcDateTime));
}
