using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.Pricing;

/// <summary>Settings both price API clients share.</summary>
public abstract class VendorPricingOptions : IValidatableObject
{
    /// <summary>Per-attempt timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a timeout, a 5xx or the vendor's throttling error.</summary>
    [Range(0, 8)]
    public int Retries { get; set; } = 3;

    /// <summary>First back-off delay; it doubles per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Client-side bound: requests are spaced at least 1/N s apart (across all callers of this process).</summary>
    [Range(1, 1000)]
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>How long a price is reused for the same parameters; zero turns the cache off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 1_000_000)]
    public int CacheEntries { get; set; } = 10_000;

    public abstract string Section { get; }
    public abstract bool IsConfigured { get; }
    protected abstract IEnumerable<(string Name, string? Value)> EndpointUrls();
    protected abstract (string IdName, string? Id, string SecretName, string? Secret) Credentials();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var (idName, id, secretName, secret) = Credentials();
        if (string.IsNullOrWhiteSpace(id) != string.IsNullOrWhiteSpace(secret))
            yield return new ValidationResult($"{Section}:{idName} and {Section}:{secretName} go together: give both or neither.", [idName, secretName]);
        foreach (var (name, value) in EndpointUrls())
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                yield return new ValidationResult($"{Section}:Endpoints:{name} must be an absolute http(s) URL.", [name]);
        }
    }

    protected static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "(none)" : value.Length <= 4 ? "***" : value[..4] + "***";
}

/// <summary><c>Pricing:Alibaba:*</c>: Alibaba Cloud's DescribePrice. Without both keys the client is not configured.</summary>
public sealed class AlibabaPricingOptions : VendorPricingOptions
{
    public const string SectionName = "Pricing:Alibaba";

    public string? AccessKeyId { get; set; }

    /// <summary>A secret: give it by environment (<c>Pricing__Alibaba__AccessKeySecret</c>).</summary>
    public string? AccessKeySecret { get; set; }

    public AlibabaEndpoints Endpoints { get; set; } = new();

    public AlibabaPricingOptions() => RequestsPerSecond = 20;

    public override string Section => SectionName;
    public override bool IsConfigured => !string.IsNullOrWhiteSpace(AccessKeyId) && !string.IsNullOrWhiteSpace(AccessKeySecret);

    protected override IEnumerable<(string, string?)> EndpointUrls() =>
        [(nameof(AlibabaEndpoints.Ecs), Endpoints.Ecs), (nameof(AlibabaEndpoints.Rds), Endpoints.Rds), (nameof(AlibabaEndpoints.Redis), Endpoints.Redis)];

    protected override (string, string?, string, string?) Credentials() => (nameof(AccessKeyId), AccessKeyId, nameof(AccessKeySecret), AccessKeySecret);

    public override string ToString() => $"AccessKeyId={Mask(AccessKeyId)}, AccessKeySecret={(string.IsNullOrEmpty(AccessKeySecret) ? "(none)" : "***")}, Ecs={Endpoints.Ecs}";
}

public sealed class AlibabaEndpoints
{
    public string Ecs { get; set; } = "https://ecs.aliyuncs.com";
    public string Rds { get; set; } = "https://rds.aliyuncs.com";
    public string Redis { get; set; } = "https://r-kvstore.aliyuncs.com";
}

/// <summary><c>Pricing:Tencent:*</c>: Tencent Cloud's price inquiries. Without both keys the client is not configured.</summary>
public sealed class TencentPricingOptions : VendorPricingOptions
{
    public const string SectionName = "Pricing:Tencent";

    public string? SecretId { get; set; }

    /// <summary>A secret: give it by environment (<c>Pricing__Tencent__SecretKey</c>).</summary>
    public string? SecretKey { get; set; }

    public TencentEndpoints Endpoints { get; set; } = new();

    /// <summary>Hours a month has when an hourly unit price (CLB) is turned into a monthly one.</summary>
    [Range(1, 745)]
    public int HoursPerMonth { get; set; } = 730;

    public override string Section => SectionName;
    public override bool IsConfigured => !string.IsNullOrWhiteSpace(SecretId) && !string.IsNullOrWhiteSpace(SecretKey);

    protected override IEnumerable<(string, string?)> EndpointUrls() =>
        [(nameof(TencentEndpoints.Cvm), Endpoints.Cvm), (nameof(TencentEndpoints.Cdb), Endpoints.Cdb), (nameof(TencentEndpoints.Clb), Endpoints.Clb)];

    protected override (string, string?, string, string?) Credentials() => (nameof(SecretId), SecretId, nameof(SecretKey), SecretKey);

    public override string ToString() => $"SecretId={Mask(SecretId)}, SecretKey={(string.IsNullOrEmpty(SecretKey) ? "(none)" : "***")}, Cvm={Endpoints.Cvm}";
}

public sealed class TencentEndpoints
{
    public string Cvm { get; set; } = "https://cvm.tencentcloudapi.com";
    public string Cdb { get; set; } = "https://cdb.tencentcloudapi.com";
    public string Clb { get; set; } = "https://clb.tencentcloudapi.com";
}
