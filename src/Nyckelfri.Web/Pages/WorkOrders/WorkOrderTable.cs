using Nyckelfri.Common;
using Nyckelfri.Routines;

namespace Nyckelfri.Web.Pages.WorkOrders;

/// <summary>A page of work orders as a table (the list, the inbox, a client's or an entrance's orders).</summary>
/// <param name="Compact">Inside a record page: smaller, without the address the page already shows.</param>
public sealed record WorkOrderTable(Page<ListWorkOrders.Item> Orders, string Caption, string EmptyText, bool Compact = false);
