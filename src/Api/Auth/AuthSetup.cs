using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Cmdb.Api.Auth;

internal static class AuthSetup
{
    /// <summary>
    /// JWT bearer sign-in (symmetric key or OIDC authority), Cmdb's claims, the named policies,
    /// and ProblemDetails for 401 and 403. Refuses to start on settings that would be unsafe.
    /// </summary>
    public static IServiceCollection AddCmdbAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        Check(options, environment);
        var signingKey = SigningKeys.Resolve(options);
        services.AddSingleton(options);
        services.AddSingleton(new DevTokenIssuer(options, signingKey));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            if (!string.IsNullOrWhiteSpace(options.Authority))
                jwt.Authority = options.Authority;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = signingKey,
                ValidAlgorithms = signingKey is null ? [SecurityAlgorithms.RsaSha256] : [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha512],
                ClockSkew = options.ClockSkew,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var principal = TokenPrincipal.From(context.Principal!, options.Claims);
                    if (principal is null)
                        context.Fail($"The token has no '{options.Claims.UserName}' (or 'sub') claim naming the user.");
                    else
                        context.Principal = principal;
                    return Task.CompletedTask;
                },
                OnChallenge = WriteUnauthorizedAsync,
            };
        });

        services.AddAuthorization(Permissions.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        return services;
    }

    private static void Check(AuthOptions options, IHostEnvironment environment)
    {
        if (options.DevSignIn && environment.IsProduction())
            throw new InvalidOperationException(
                "Auth:DevSignIn is true in the Production environment: dev sign-in gives a token to anyone who asks. " +
                "Set Auth:DevSignIn=false (appsettings.Production.json does) or run in another environment.");
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && !string.IsNullOrWhiteSpace(options.Authority))
            throw new InvalidOperationException("Set either Auth:SigningKey (HS256/HS512) or Auth:Authority (OIDC, RS256), not both.");
        if (options.DevSignIn && !string.IsNullOrWhiteSpace(options.Authority))
            throw new InvalidOperationException("Auth:DevSignIn needs a symmetric key; it cannot be combined with Auth:Authority.");
    }

    /// <summary>401 as ProblemDetails, saying why the token was refused (never what it contained).</summary>
    private static async Task WriteUnauthorizedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            null => "Sign in: send 'Authorization: Bearer <token>'.",
            SecurityTokenExpiredException => "The token has expired.",
            SecurityTokenInvalidAudienceException => "The token is for another audience.",
            SecurityTokenInvalidIssuerException => "The token is from an untrusted issuer.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
            SecurityTokenInvalidAlgorithmException => "The token is signed with an algorithm that is not accepted.",
            SecurityTokenMalformedException or ArgumentException => "The token is malformed.",
            _ when context.AuthenticateFailure.Message.StartsWith("The token has no", StringComparison.Ordinal) => context.AuthenticateFailure.Message,
            _ => "The token is not valid.",
        };
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized.", Detail = detail },
        });
    }

    /// <summary>Warns at start when nobody could sign in, instead of failing: the service still serves health and docs.</summary>
    public static void WarnIfNobodyCanSignIn(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AuthOptions>();
        if (!options.DevSignIn && string.IsNullOrWhiteSpace(options.SigningKey) && string.IsNullOrWhiteSpace(options.Authority))
            app.Logger.LogWarning("No sign-in is configured (Auth:SigningKey, Auth:Authority or Auth:DevSignIn): every API call will be refused with 401");
    }
}
