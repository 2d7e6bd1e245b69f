using Microsoft.AspNetCore.Http.HttpResults;
using Nyckelfri.History;
using Nyckelfri.Staff;
using Nyckelfri.Web.Security;

namespace Nyckelfri.Web.Api;

/// <summary>Employees (personal). A provider's own users see and change only their provider's staff.</summary>
public static class EmployeesApi
{
    public static void MapEmployeesApi(this IEndpointRouteBuilder api)
    {
        var employees = api.MapGroup("/employees").WithTags("Personal");

        employees.MapGet("/", (ListEmployees list, string? search, Guid? providerId, Guid? unitId, EmploymentType? employmentType,
                bool? currentOnly, int? page, int? pageSize, CancellationToken ct) =>
                list.Handle(new ListEmployees.Query(search, providerId, unitId, employmentType, currentOnly ?? false, page, pageSize), ct))
            .RequireAuthorization(Policies.StaffRead);

        employees.MapGet("/{id:guid}", (Guid id, GetEmployee get, CancellationToken ct) => get.Handle(id, ct))
            .RequireAuthorization(Policies.StaffRead);

        employees.MapGet("/{id:guid}/history", async (Guid id, GetEmployee get, GetHistory history, CancellationToken ct) =>
            {
                await get.Handle(id, ct);
                return await history.Handle(id, ct);
            })
            .RequireAuthorization(Policies.StaffRead);

        employees.MapPost("/", async Task<Created<GetEmployee.Details>> (RegisterEmployee.Command command, RegisterEmployee register, GetEmployee get, CancellationToken ct) =>
            {
                var id = await register.Handle(command, ct);
                return TypedResults.Created($"/api/v1/employees/{id}", await get.Handle(id, ct));
            })
            .RequireAuthorization(Policies.StaffWrite);

        employees.MapPut("/{id:guid}", async (Guid id, EditEmployee.Command command, EditEmployee edit, GetEmployee get, CancellationToken ct) =>
            {
                await edit.Handle(id, command, ct);
                return await get.Handle(id, ct);
            })
            .RequireAuthorization(Policies.StaffWrite);
    }
}
