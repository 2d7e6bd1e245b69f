using Nyckelfri.Common;
using Nyckelfri.Visits;

namespace Nyckelfri.Web.Pages.Visits;

/// <summary>What the visit table shows: the visits, its caption, and whether the client column is needed (not on a client's own list).</summary>
public sealed record VisitTable(Page<ListVisits.Item> Visits, string Caption, bool ShowClient, string EmptyText = "Inga besök registrerade.");
