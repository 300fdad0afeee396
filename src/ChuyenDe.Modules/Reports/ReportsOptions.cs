namespace ChuyenDe.Modules.Reports;

/// <summary>Settings of the Reports module (configuration section <c>ChuyenDe:Reports</c>).</summary>
public sealed class ReportsOptions
{
    public const string Section = "ChuyenDe:Reports";

    /// <summary>
    /// Automatic reminders: a unit that has not submitted is reminded once when the deadline is this many days away or
    /// fewer (calendar days in the site's time zone); 0 turns the automatic reminders off.
    /// </summary>
    public int ReminderDaysBeforeDeadline { get; set; } = 3;

    /// <summary>How often the background service looks for rounds to remind (the first pass runs at start-up).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(15);
}
