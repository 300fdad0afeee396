namespace ChuyenDe.Tests.Functional.Crash;

/// <summary><see cref="CrashSafetyTests{TSite}"/> on SQLite.</summary>
public sealed class CrashSafetySqliteTests(SqliteCrashSite site) : CrashSafetyTests<SqliteCrashSite>(site), IClassFixture<SqliteCrashSite>;
