using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Pricing;

/// <summary>The API on its own MariaDB database, once the sample price book is stored.</summary>
public class PricingService : TicketService
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Eventually.Until(async () => await Db(db => db.PriceBookEntries.CountAsync()) > 0, TimeSpan.FromSeconds(60), "the sample price book is stored");
    }

    public async Task<JsonElement> PostOkAsync(string url, object body, TestAuth.Persona? persona = null)
    {
        var response = await As(persona ?? TestAuth.Requester).PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> GetOkAsync(string url, TestAuth.Persona? persona = null)
    {
        var response = await As(persona ?? TestAuth.Requester).GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
