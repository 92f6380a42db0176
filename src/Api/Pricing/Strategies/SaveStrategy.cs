using Cmdb.Api.Auth;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Pricing.Strategies;

public sealed record CreateStrategy(string? ResourceType, string? Env, string? HostEnv, string? Cloud, string? Unit, decimal? UnitPrice, string? Note)
    : ICommand<StrategyView>, IStrategyFields;

public sealed record UpdateStrategy(long Id, string? ResourceType, string? Env, string? HostEnv, string? Cloud, string? Unit, decimal? UnitPrice, string? Note)
    : ICommand<StrategyView>, IStrategyFields;

public sealed record DeleteStrategy(long Id) : ICommand<Unit>;

public sealed class CreateStrategyValidator : StrategyFieldsValidator<CreateStrategy>;

public sealed class UpdateStrategyValidator : StrategyFieldsValidator<UpdateStrategy>;

/// <summary>
/// Saves strategies, one per (resource type, env, host env, cloud): a duplicate is a 409, also
/// when two saves race (the unique index refuses the second; it is then reported like any duplicate).
/// </summary>
public sealed class SaveStrategyHandler(CmdbDbContext db, CurrentUser user, TimeProvider time)
    : ICommandHandler<CreateStrategy, StrategyView>, ICommandHandler<UpdateStrategy, StrategyView>, ICommandHandler<DeleteStrategy, Unit>
{
    public async ValueTask<StrategyView> Handle(CreateStrategy command, CancellationToken cancellationToken)
    {
        var strategy = StrategyFieldsValidator<CreateStrategy>.Normalised(command);
        db.PricingStrategies.Add(strategy);
        return await SaveAsync(strategy, cancellationToken);
    }

    public async ValueTask<StrategyView> Handle(UpdateStrategy command, CancellationToken cancellationToken)
    {
        var strategy = await db.PricingStrategies.FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Pricing strategy", command.Id);
        StrategyFieldsValidator<UpdateStrategy>.Normalised(command, strategy);
        return await SaveAsync(strategy, cancellationToken);
    }

    public async ValueTask<Unit> Handle(DeleteStrategy command, CancellationToken cancellationToken)
    {
        var deleted = await db.PricingStrategies.Where(s => s.Id == command.Id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            throw new NotFoundException("Pricing strategy", command.Id);
        return Unit.Value;
    }

    private async Task<StrategyView> SaveAsync(PricingStrategy strategy, CancellationToken cancellationToken)
    {
        strategy.UpdatedAt = time.GetUtcNow().UtcDateTime;
        strategy.UpdatedBy = user.UserName;
        await EnsureUniqueAsync(strategy, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save of the same combination won the race: the unique index refused this one.
            db.ChangeTracker.Clear();
            if (await ClashAsync(strategy, CancellationToken.None) is not null)
                throw Duplicate(strategy);
            throw;
        }
        return StrategyView.Of(strategy);
    }

    private async Task EnsureUniqueAsync(PricingStrategy strategy, CancellationToken cancellationToken)
    {
        if (await ClashAsync(strategy, cancellationToken) is not null)
            throw Duplicate(strategy);
    }

    private Task<long?> ClashAsync(PricingStrategy s, CancellationToken cancellationToken) =>
        db.PricingStrategies.AsNoTracking()
            .Where(x => x.ResourceType == s.ResourceType && x.Env == s.Env && x.HostEnv == s.HostEnv && x.Cloud == s.Cloud && x.Id != s.Id)
            .Select(x => (long?)x.Id).FirstOrDefaultAsync(cancellationToken);

    private static ConflictException Duplicate(PricingStrategy s) =>
        new($"A pricing strategy for resource type '{s.ResourceType}', env '{s.Env}', host env '{s.HostEnv}', cloud '{s.Cloud}' already exists; edit that one.");
}
