using System.Text;

namespace Cmdb.Domain.Notifications;

/// <summary>The markdown each event sends, in Chinese by default or in English.</summary>
public static class NotificationTemplates
{
    /// <summary>WeCom refuses markdown content over 4096 bytes.</summary>
    public const int MaxContentBytes = 4096;

    public static (string Title, string Content) Render(NotificationFacts facts, string language = "zh")
    {
        var zh = !string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        var title = Title(facts, zh);
        var text = new StringBuilder($"### {title}\n");
        Line(text, zh ? "流程" : "Flow", facts.Flow);
        Line(text, zh ? "环境" : "Env", facts.Env);
        Line(text, zh ? "工单" : "Ticket", facts.TicketId is null ? null : "#" + facts.TicketId);
        Line(text, zh ? "说明" : "Description", facts.Description);
        foreach (var (key, value) in facts.Details)
            Line(text, key, value);
        Line(text, zh ? "操作人" : "Operator", facts.Operator);
        return (title, Fit(text.ToString().TrimEnd()));
    }

    private static string Title(NotificationFacts f, bool zh)
    {
        var flow = f.Flow is null ? "" : $"【{f.Flow}】";
        var ticket = f.TicketId is null ? "" : $" #{f.TicketId}";
        return f.Event switch
        {
            NotificationEvent.TicketSubmitted => zh ? $"{flow}新工单待审批{ticket}" : $"{flow}New ticket to approve{ticket}",
            NotificationEvent.TicketApproved => zh ? $"{flow}工单已审批通过{ticket}" : $"{flow}Ticket approved{ticket}",
            NotificationEvent.TicketRejected => zh ? $"{flow}工单已驳回{ticket}" : $"{flow}Ticket rejected{ticket}",
            NotificationEvent.TicketDone => zh ? $"{flow}工单已完成{ticket}" : $"{flow}Ticket done{ticket}",
            NotificationEvent.TicketCancelled => zh ? $"{flow}工单已取消{ticket}" : $"{flow}Ticket cancelled{ticket}",
            NotificationEvent.StepFailed => zh ? $"{flow}工单执行失败{ticket}" : $"{flow}Ticket step failed{ticket}",
            NotificationEvent.ReleaseBatchResult => zh ? $"{flow}发布批次结果{ticket}" : $"{flow}Release batch result{ticket}",
            NotificationEvent.CapacityAlert => zh ? "集群容量告警" : "Cluster capacity alert",
            NotificationEvent.SyncRefused => zh ? "同步被拒绝（数据波动检查）" : "Sync refused by the fluctuation check",
            NotificationEvent.SyncFailed => zh ? "CMDB同步失败" : "Inventory sync failed",
            NotificationEvent.Test => zh ? "测试消息" : "Test message",
            _ => f.Event.ToString(),
        };
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            text.Append($"> {label}：{OneLine(value)}\n");
    }

    /// <summary>User text stays on its own quoted line so it cannot reshape the message.</summary>
    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();

    private static string Fit(string content)
    {
        if (Encoding.UTF8.GetByteCount(content) <= MaxContentBytes)
            return content;
        var cut = content;
        while (Encoding.UTF8.GetByteCount(cut) > MaxContentBytes - 3)
            cut = cut[..(cut.Length * 9 / 10)];
        return cut + "…";
    }
}
