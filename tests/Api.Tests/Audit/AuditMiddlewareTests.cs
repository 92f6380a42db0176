using System.Text;
using Cmdb.Api.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cmdb.Api.Tests.Audit;

/// <summary>The middleware on its own, with an endpoint whose metadata names an audit scope.</summary>
public sealed class AuditMiddlewareTests
{
    private static async Task<Cmdb.Domain.Audit.AuditRecord> Record(Action<HttpContext> request, RequestDelegate endpointBody, params object[] metadata)
    {
        var options = new AuditOptions();
        var queue = new AuditQueue(options, NullLogger<AuditQueue>.Instance);
        var middleware = new AuditMiddleware(endpointBody, options, queue, new Redactor(options.SensitiveKeys), new ClientAddress([]));
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/inventory/vms/vm-1";
        context.Response.Body = new MemoryStream();
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/inventory/{type}/{id}"), 0,
            new EndpointMetadataCollection(metadata), "test"));
        request(context);

        await middleware.InvokeAsync(context);

        Assert.True(queue.Reader.TryRead(out var record));
        return record!;
    }

    [Fact]
    public async Task The_scope_module_and_operation_come_from_the_endpoint()
    {
        var record = await Record(_ => { }, c => c.Response.WriteAsync("{}"),
            new AuditScope("idc"), new TagsAttribute("Inventory"), new EndpointNameMetadata("GetResource"));

        Assert.Equal(("idc", "Inventory", "GetResource", "/api/inventory/{type}/{id}"), (record.Scope, record.Module, record.Operation, record.RouteTemplate));
    }

    [Fact]
    public async Task The_response_still_reaches_the_client_whole()
    {
        var body = "{\"items\":[" + string.Join(',', Enumerable.Repeat("\"x\"", 10_000)) + "]}";
        HttpContext? seen = null;
        var record = await Record(c => seen = c, async c =>
        {
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync(body);
        });

        seen!.Response.Body.Position = 0;
        Assert.Equal(body, await new StreamReader(seen.Response.Body, Encoding.UTF8).ReadToEndAsync());
        Assert.True(record.ResponseTruncated);
        Assert.True(Encoding.UTF8.GetByteCount(record.ResponseBody!) <= new AuditOptions().BodyLimitBytes);
    }

    [Fact]
    public async Task A_failing_endpoint_is_still_recorded()
    {
        var options = new AuditOptions();
        var queue = new AuditQueue(options, NullLogger<AuditQueue>.Instance);
        var middleware = new AuditMiddleware(_ => throw new InvalidOperationException("boom"), options, queue, new Redactor(options.SensitiveKeys), new ClientAddress([]));
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/x";

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.InvokeAsync(context));

        Assert.True(queue.Reader.TryRead(out var record));
        Assert.Equal("/api/x", record!.Url);
    }
}
