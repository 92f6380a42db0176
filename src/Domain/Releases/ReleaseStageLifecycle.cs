using Stateless;

namespace Cmdb.Domain.Releases;

public enum ReleaseStageTrigger
{
    Start,
    Succeed,
    Fail,
    Revert,
    Reverted,
    RevertFailed,
}

/// <summary>
/// pending → releasing → released | failed (retry: failed → releasing); released → rolling back →
/// rolled back | rollback failed (retry: rollback failed → rolling back). A failed stage that merged
/// some of its zones may be rolled back too; one that merged nothing (a failed uat) stays failed.
/// </summary>
public static class ReleaseStageLifecycle
{
    public static StateMachine<ReleaseStageStatus, ReleaseStageTrigger> For(ReleaseStage stage, bool mergedSomething)
    {
        var machine = new StateMachine<ReleaseStageStatus, ReleaseStageTrigger>(() => stage.Status, s => stage.Status = s);
        machine.Configure(ReleaseStageStatus.Pending).Permit(ReleaseStageTrigger.Start, ReleaseStageStatus.Releasing);
        machine.Configure(ReleaseStageStatus.Releasing)
            .Permit(ReleaseStageTrigger.Succeed, ReleaseStageStatus.Released)
            .Permit(ReleaseStageTrigger.Fail, ReleaseStageStatus.Failed);
        machine.Configure(ReleaseStageStatus.Failed)
            .Permit(ReleaseStageTrigger.Start, ReleaseStageStatus.Releasing)
            .PermitIf(ReleaseStageTrigger.Revert, ReleaseStageStatus.RollingBack, () => mergedSomething, "it merged some of its branches");
        machine.Configure(ReleaseStageStatus.Released).Permit(ReleaseStageTrigger.Revert, ReleaseStageStatus.RollingBack);
        machine.Configure(ReleaseStageStatus.RollingBack)
            .Permit(ReleaseStageTrigger.Reverted, ReleaseStageStatus.RolledBack)
            .Permit(ReleaseStageTrigger.RevertFailed, ReleaseStageStatus.RollbackFailed);
        machine.Configure(ReleaseStageStatus.RollbackFailed).Permit(ReleaseStageTrigger.Revert, ReleaseStageStatus.RollingBack);
        return machine;
    }
}
