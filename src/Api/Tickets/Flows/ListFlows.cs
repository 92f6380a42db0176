using System.Text.Json.Nodes;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets.Forms;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Flows;

/// <summary>The flows a user can request, each with the JSON Schema of its form.</summary>
public sealed record ListFlows : IQuery<IReadOnlyList<FlowOffer>>;

public sealed record FlowOffer(string Id, int Version, string NameZh, string NameEn, string Form, JsonNode? FormSchema);

public sealed class ListFlowsHandler(CmdbDbContext db) : IQueryHandler<ListFlows, IReadOnlyList<FlowOffer>>
{
    public async ValueTask<IReadOnlyList<FlowOffer>> Handle(ListFlows query, CancellationToken cancellationToken)
    {
        var flows = await db.Flows.AsNoTracking().Where(f => f.LatestVersion > 0).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return flows.Select(f => new FlowOffer(f.Id, f.LatestVersion, f.NameZh, f.NameEn, f.Form,
            FormCatalog.TryGet(f.Form, out var form) ? FormCatalog.Schema(form) : null)).ToList();
    }
}
