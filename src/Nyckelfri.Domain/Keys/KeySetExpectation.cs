using Nyckelfri.Services;

namespace Nyckelfri.Keys;

/// <summary>
/// How many sets of the client's keys should be out, and with whom (seed 003 §4): the home-care unit
/// holds one and the alarm/night unit holds one, so two when the client has both; a client who opens
/// the door themself at home-care visits needs none for home care. Other services (HSL, rehab) hold no keys.
/// </summary>
public sealed record KeySetExpectation(IReadOnlyList<Guid> ExpectedHolders, IReadOnlyList<Guid> ActualHolders)
{
    public sealed record ActiveService(CareServiceKind Kind, Guid UnitId);

    public int Expected => ExpectedHolders.Count;
    public int Actual => ActualHolders.Count;

    /// <summary>Units that should hold a set and do not.</summary>
    public IReadOnlyList<Guid> MissingAt => ExpectedHolders.Where(u => !ActualHolders.Contains(u)).ToList();

    /// <summary>Units that hold a set they no longer need (or a second one): to be returned or transferred.</summary>
    public IReadOnlyList<Guid> SurplusAt =>
        ActualHolders.GroupBy(u => u).SelectMany(g => ExpectedHolders.Contains(g.Key) ? g.Skip(1) : g).ToList();

    public bool Matches => MissingAt.Count == 0 && SurplusAt.Count == 0;

    /// <param name="services">The client's services active today.</param>
    /// <param name="opensDoorThemself">Seed 003's flag: no key for home care.</param>
    /// <param name="holders">The holder unit of each set the units hold now (status "with holder").</param>
    public static KeySetExpectation For(IEnumerable<ActiveService> services, bool opensDoorThemself, IEnumerable<Guid> holders)
    {
        var active = services.ToList();
        var homeCare = opensDoorThemself
            ? []
            : active.Where(s => s.Kind == CareServiceKind.HomeCare).Select(s => s.UnitId);
        var alarm = active.Where(s => s.Kind is CareServiceKind.SafetyAlarm or CareServiceKind.NightSupervision).Select(s => s.UnitId);
        return new KeySetExpectation(homeCare.Concat(alarm).Distinct().ToList(), holders.ToList());
    }

    /// <summary>The warnings the client page shows, in Swedish; <paramref name="unitName"/> names a unit.</summary>
    public IEnumerable<string> Warnings(Func<Guid, string> unitName)
    {
        if (Matches) yield break;
        yield return $"Brukaren ska ha {Sets(Expected, "utlämnad")} enligt insatserna, men {Sets(Actual, "är registrerad")} hos enheter.";
        foreach (var unit in MissingAt.Distinct())
            yield return $"{unitName(unit)} har ingen nyckeluppsättning men utför hemtjänst eller larm/natt hos brukaren.";
        foreach (var unit in SurplusAt.Distinct())
            yield return $"{unitName(unit)} har en nyckeluppsättning som inte behövs: lämna över eller lämna tillbaka den med kvittens.";
    }

    /// <summary>"1 nyckeluppsättning utlämnad", "2 nyckeluppsättningar utlämnade": the participle agrees with the count.</summary>
    private static string Sets(int n, string participle) =>
        n == 1 ? $"1 nyckeluppsättning {participle}" : $"{n} nyckeluppsättningar {participle}e";
}
