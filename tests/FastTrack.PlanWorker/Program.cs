using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Text;
using FastTrack.Core.Workspaces;

// add-blockers <workspace> <tenant> <count> <worker-name>
//   adds <count> blockers to the plan, one save each (the concurrency test runs several at once)
// save-loop <workspace> <tenant>
//   saves the plan again and again until killed; prints "saving" after its first save. Every revision
//   stamps its own number into the customer name and every training record, so a torn or mixed file
//   is detectable.
var store = new PlanStore(new Workspace(args[1]), PlaybookCatalog.Default, TimeSpan.FromSeconds(60));
var tenant = Guid.Parse(args[2]);
switch (args[0])
{
    case "add-blockers":
        for (var i = 0; i < int.Parse(args[3]); i++)
            store.Update(tenant, null, false, PlanChanges.AddBlocker(M365Service.Teams, $"{args[4]} blocker {i}", "Test", args[4], DateTime.Today));
        return 0;
    case "save-loop":
        for (var saves = 0; ; saves++)
        {
            // Say so after the first save: the process is warm, and the kill lands among the next saves.
            if (saves == 1)
            {
                Console.WriteLine("saving");
                Console.Out.Flush();
            }
            store.Update(tenant, null, false, plan =>
            {
                var next = plan.Revision + 1;
                plan.Customer = $"Contoso r{next}";
                plan.Training = Enumerable.Range(0, 300)
                    .Select(i => new TrainingRecord { Service = M365Service.Teams, Date = DateTime.Today, Audience = $"r{next} audience {i}" })
                    .ToJoinedList();
            });
        }
    default:
        Console.Error.WriteLine("usage: add-blockers <ws> <tenant> <count> <name> | save-loop <ws> <tenant>");
        return 2;
}
