using System.Text;
using Cmdb.Domain.Notifications;

namespace Cmdb.Domain.Tests.Notifications;

public sealed class NotificationTemplatesTests
{
    private static readonly NotificationFacts Submitted = new()
    {
        Event = NotificationEvent.TicketSubmitted,
        Flow = "Puppet证书删除流程",
        Env = "prod",
        TicketId = "T-1001",
        Description = "删除 store-0001 的证书",
        Operator = "测试用户一",
    };

    [Fact]
    public void A_message_names_the_flow_env_ticket_description_and_operator_in_Chinese_by_default()
    {
        var (title, content) = NotificationTemplates.Render(Submitted);

        Assert.Equal("【Puppet证书删除流程】新工单待审批 #T-1001", title);
        foreach (var expected in new[] { "> 流程：Puppet证书删除流程", "> 环境：prod", "> 工单：#T-1001", "> 说明：删除 store-0001 的证书", "> 操作人：测试用户一" })
            Assert.Contains(expected, content);
        Assert.StartsWith("### " + title, content);
    }

    [Fact]
    public void English_is_available()
    {
        var (title, content) = NotificationTemplates.Render(Submitted with { Event = NotificationEvent.TicketRejected }, "en");
        Assert.Equal("【Puppet证书删除流程】Ticket rejected #T-1001", title);
        Assert.Contains("> Operator：测试用户一", content);
    }

    [Theory]
    [InlineData(NotificationEvent.TicketApproved, "工单已审批通过")]
    [InlineData(NotificationEvent.TicketDone, "工单已完成")]
    [InlineData(NotificationEvent.TicketCancelled, "工单已取消")]
    [InlineData(NotificationEvent.StepFailed, "工单执行失败")]
    [InlineData(NotificationEvent.ReleaseBatchResult, "发布批次结果")]
    [InlineData(NotificationEvent.CapacityAlert, "集群容量告警")]
    [InlineData(NotificationEvent.SyncRefused, "数据波动检查")]
    public void Every_event_has_its_own_title(NotificationEvent kind, string words) =>
        Assert.Contains(words, NotificationTemplates.Render(Submitted with { Event = kind }).Title);

    [Fact]
    public void Event_details_are_listed()
    {
        var facts = Submitted with
        {
            Event = NotificationEvent.ReleaseBatchResult,
            Flow = "2026-11 nginx 升级",
            Details = new Dictionary<string, string> { ["批次"] = "第1批 zone01", ["门店"] = "S001, S002", ["结果"] = "发布成功" },
        };
        var content = NotificationTemplates.Render(facts).Content;
        Assert.Contains("> 批次：第1批 zone01", content);
        Assert.Contains("> 门店：S001, S002", content);
    }

    [Fact]
    public void User_text_cannot_add_lines_to_the_message()
    {
        var content = NotificationTemplates.Render(Submitted with { Description = "line one\n### fake heading\r\n> 操作人：someone" }).Content;
        Assert.Single(content.Split('\n'), line => line.StartsWith("###", StringComparison.Ordinal));
        Assert.Contains("> 说明：line one ### fake heading > 操作人：someone", content);
    }

    [Fact]
    public void A_message_fits_the_WeCom_limit()
    {
        var content = NotificationTemplates.Render(Submitted with { Description = new string('长', 5000) }).Content;
        Assert.True(Encoding.UTF8.GetByteCount(content) <= NotificationTemplates.MaxContentBytes);
        Assert.EndsWith("…", content);
    }
}
