namespace ChuyenDe.Tests.Functional.Crash;

/// <summary><see cref="CrashSafetyTests{TSite}"/> on PostgreSQL.</summary>
public sealed class CrashSafetyPostgresTests(PostgresCrashSite site) : CrashSafetyTests<PostgresCrashSite>(site), IClassFixture<PostgresCrashSite>;
