using Microsoft.AspNetCore.Mvc;
using Nyckelfri.Common;
using Nyckelfri.Devices;

namespace Nyckelfri.Web.Pages.Devices;

/// <summary>
/// The install form of a household door or a building entrance: the installer picks a device from
/// those that may go there, or types (or scans) its serial number; "Reservera" sets it aside instead.
/// </summary>
public abstract class InstallPageModel(DeviceLookup lookup, InstallDevice install, ReserveDevice reserve, TimeProvider clock)
    : NyckelfriPageModel
{
    public sealed class InstallInput
    {
        public Guid? DeviceId { get; set; }
        public string? SerialNumber { get; set; }
        public string? KeyNumber { get; set; }
        public string? LockPublicKey { get; set; }
        public DateOnly? InstalledOn { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty] public InstallInput Input { get; set; } = new();
    public IReadOnlyList<DeviceLookup.Installable> Installable { get; protected set; } = [];
    public IReadOnlyList<DeviceLookup.AtPlace> AlreadyThere { get; protected set; } = [];

    /// <summary>"Installera lås i hushållet Storgatan 1, lgh 1101".</summary>
    public string Heading { get; protected set; } = "";
    public string BackHref { get; protected set; } = "";
    public abstract string DeviceWord { get; }
    protected DateOnly Today => clock.Today();

    protected void Prefill(Guid? deviceId)
    {
        Input.DeviceId = deviceId;
        Input.InstalledOn = Today;
    }

    protected Task<IActionResult> Install(Action<InstallDevice.Command> place, Func<Guid, string> doneHref, CancellationToken ct) =>
        Attempt(async () =>
        {
            var chosen = await lookup.Choose(Input.DeviceId, Input.SerialNumber, ct);
            var command = new InstallDevice.Command
            {
                Version = chosen.Version, KeyNumber = Input.KeyNumber, LockPublicKey = Input.LockPublicKey, InstalledOn = Input.InstalledOn,
                Comment = Input.Comment,
            };
            place(command);
            await install.Handle(chosen.Id, command, ct);
            StatusMessage = $"{Capitalized(DeviceWord)} är monterad.";
            return Redirect(doneHref(chosen.Id));
        });

    protected Task<IActionResult> Reserve(Action<ReserveDevice.Command> place, Func<Guid, string> doneHref, CancellationToken ct) =>
        Attempt(async () =>
        {
            var chosen = await lookup.Choose(Input.DeviceId, Input.SerialNumber, ct);
            var command = new ReserveDevice.Command { Version = chosen.Version, Comment = Input.Comment };
            place(command);
            await reserve.Handle(chosen.Id, command, ct);
            StatusMessage = $"{Capitalized(DeviceWord)} är reserverad.";
            return Redirect(doneHref(chosen.Id));
        });

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
