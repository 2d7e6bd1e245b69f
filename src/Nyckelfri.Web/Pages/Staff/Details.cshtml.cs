using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nyckelfri.Access;
using Nyckelfri.Common;
using Nyckelfri.History;
using Nyckelfri.Identity;
using Nyckelfri.Keys;
using Nyckelfri.Providers;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Pages.Staff;

/// <summary>
/// One employee: their employment, and, for those who handle digital keys, their keys and 2-factor
/// devices (order, hand out, block) and their time-boxed grants (book, add, restrict, withdraw).
/// </summary>
[Authorize(Policy = Policies.StaffRead)]
public sealed class DetailsModel(GetEmployee get, GetHistory history, TimeProvider clock, ListDigitalKeys listKeys,
    ListTwoFactorDevices listDevices, ListAccessGrants listGrants, DigitalKeyLookup lookup, KeyHolderUnits units, StaffLogins staffLogins) : NyckelfriPageModel
{
    [BindProperty] public OrderDigitalKey.Command OrderInput { get; set; } = new();
    [BindProperty] public IssueKeyInput IssueInput { get; set; } = new();
    [BindProperty] public AddAccessGrant.Command GrantInput { get; set; } = new();
    [BindProperty] public WithdrawInput Withdraw { get; set; } = new();
    [BindProperty] public LoginInputModel LoginInput { get; set; } = new();

    /// <summary>"Koppla inloggning": an existing login, picked by the administrator.</summary>
    public sealed class LoginInputModel
    {
        public string? UserId { get; set; }
    }

    /// <summary>The hand-out form here picks the key from a list, so it carries the key's id too.</summary>
    public sealed class IssueKeyInput : IssueDigitalKey.Command
    {
        public Guid? KeyId { get; set; }
    }

    public sealed class WithdrawInput : WithdrawAccessGrant.Command
    {
        public Guid? GrantId { get; set; }
    }

    public GetEmployee.Details Employee { get; private set; } = null!;
    public IReadOnlyList<GetHistory.Line> History { get; private set; } = [];
    public IReadOnlyList<ListDigitalKeys.Item> Keys { get; private set; } = [];
    public IReadOnlyList<ListTwoFactorDevices.Item> Devices { get; private set; } = [];
    public IReadOnlyList<ListAccessGrants.Item> Grants { get; private set; } = [];
    public IReadOnlyList<DigitalKeyLookup.ItemOption> KeysInStock { get; private set; } = [];
    public IReadOnlyList<UnitLookup.Option> Units { get; private set; } = [];
    public bool CanEdit => Can(Policies.StaffWrite);
    public bool CanSeeProviders => Can(Policies.ProvidersRead);
    public bool CanSeeKeys => Can(Policies.DigitalKeysRead);
    public bool CanOrder => Can(Policies.DigitalKeysOrder);
    public bool CanIssue => Can(Policies.DigitalKeysWrite);
    public bool CanGrant => Can(Policies.AccessGrantsWrite);
    public bool CanLinkLogin => Can(Policies.MunicipalityAdmin);
    public IReadOnlyList<StaffLogins.LoginOption> FreeLogins { get; private set; } = [];
    public string? OpenForm { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        var today = clock.Today();
        OrderInput = new() { Kind = DigitalKeyKind.PhoneApp };
        IssueInput = new() { Date = today, ReceiverName = $"{Employee.FirstName} {Employee.LastName}", GiverName = User.FindFirst(NyckelfriClaims.DisplayName)?.Value };
        GrantInput = new() { FromDate = today, ToDate = today };
    }

    public Task<IActionResult> OnPostOrderAsync(Guid id, [FromServices] OrderDigitalKey order, CancellationToken ct) =>
        Change(id, nameof(OrderInput), Policies.DigitalKeysOrder, async () =>
        {
            OrderInput.EmployeeId = id;
            var keyId = await order.Handle(OrderInput, ct);
            StatusMessage = "Nyckeln är beställd. Trygghetslarmscentralen färdigställer den och kontaktar medarbetaren.";
            return Redirect($"/Nycklar/Digitala/{keyId}");
        }, ct);

    public Task<IActionResult> OnPostIssueAsync(Guid id, [FromServices] IssueDigitalKey issue, [FromServices] GetDigitalKey key, CancellationToken ct) =>
        Change(id, nameof(IssueInput), Policies.DigitalKeysWrite, async () =>
        {
            if (IssueInput.KeyId is not { } keyId) throw ValidationFailedException.For(nameof(IssueInput.KeyId), "Välj en nyckel.");
            // The key was picked from the shelf list just now: the hand-out is based on it as it is.
            IssueInput.Version = (await key.Handle(keyId, ct)).Version;
            IssueInput.EmployeeId = id;
            var receiptId = await issue.Handle(keyId, IssueInput, ct);
            StatusMessage = "Utlämningen är registrerad. Skriv ut kvittensen och låt parterna skriva under.";
            return Redirect($"/Nycklar/Digitala/Kvittens/{receiptId}");
        }, ct);

    public Task<IActionResult> OnPostGrantAsync(Guid id, [FromServices] AddAccessGrant add, CancellationToken ct) =>
        Change(id, nameof(GrantInput), Policies.AccessGrantsWrite, async () =>
        {
            await add.Handle(id, GrantInput, ct);
            StatusMessage = "Behörigheten är sparad. Den gäller de angivna dagarna och upphör av sig själv.";
            return Redirect($"/Personal/{id}#grants-heading");
        }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, [FromServices] WithdrawAccessGrant withdraw, CancellationToken ct) =>
        Change(id, nameof(Withdraw), Policies.AccessGrantsWrite, async () =>
        {
            if (Withdraw.GrantId is not { } grantId || !Grants.Any(g => g.Id == grantId)) throw new NotFoundException("Behörigheten");
            await withdraw.Handle(grantId, Withdraw, ct);
            StatusMessage = "Behörigheten är återkallad.";
            return Redirect($"/Personal/{id}#grants-heading");
        }, ct);

    public Task<IActionResult> OnPostLinkLoginAsync(Guid id, CancellationToken ct) =>
        Change(id, nameof(LoginInput), Policies.MunicipalityAdmin, async () =>
        {
            if (string.IsNullOrEmpty(LoginInput.UserId) || FreeLogins.All(l => l.Id != LoginInput.UserId))
                throw ValidationFailedException.For(nameof(LoginInput.UserId), "Välj en inloggning.");
            await staffLogins.LinkAsync(LoginInput.UserId, new StaffLogins.Command { EmployeeId = id }, ct);
            StatusMessage = "Inloggningen är kopplad. Medarbetaren loggar in på nytt för att se Mina brukare.";
            return Redirect($"/Personal/{id}#login-heading");
        }, ct);

    private async Task<IActionResult> Change(Guid id, string form, string policy, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        if (!Can(policy)) return Forbid();
        OpenForm = form;
        await Load(id, ct);
        return await Attempt(action, prefix: form);
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Employee = await get.Handle(id, ct);
        History = await history.ForPeople(id, ct);
        if (CanLinkLogin && Employee.Login is null) FreeLogins = await staffLogins.LoginsWithoutEmployee(ct);
        if (!CanSeeKeys) return;
        Keys = (await listKeys.Handle(new(EmployeeId: id, PageSize: 50), ct)).Items.Where(k => k.Status != DigitalKeyStatus.Retired).ToList();
        Devices = (await listDevices.Handle(new(EmployeeId: id, PageSize: 50), ct)).Items;
        Grants = await listGrants.Handle(id, ct);
        if (CanIssue) KeysInStock = await lookup.KeysFor(id, ct);
        if (CanGrant) Units = await units.ForTransfer(ct);
    }
}
