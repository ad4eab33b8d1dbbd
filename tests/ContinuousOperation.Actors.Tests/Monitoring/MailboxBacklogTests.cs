using Akka.Actor;
using ContinuousOperation.Actors.Monitoring;

namespace ContinuousOperation.Actors.Tests.Monitoring;

public sealed class MailboxBacklogTests : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void The_busiest_mailbox_is_found_below_the_root()
    {
        using var gate = new ManualResetEventSlim();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(gate)), "parent");
        parent.Tell("started?");
        ExpectMsg("started");

        // The grandchild is stuck on its first message; the next five wait in its mailbox.
        for (var i = 0; i < 6; i++) parent.Tell(i);

        AwaitAssert(() => Assert.Equal(5, MailboxBacklog.Busiest(parent)));
        gate.Set();
        AwaitAssert(() => Assert.Equal(0, MailboxBacklog.Busiest(parent)));
    }

    [Fact]
    public void A_reference_without_a_local_cell_counts_as_empty()
    {
        Assert.Equal(0, MailboxBacklog.Busiest(ActorRefs.Nobody));
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent(ManualResetEventSlim gate)
        {
            var child = Context.ActorOf(Props.Create(() => new Middle(gate)), "middle");
            Receive<string>(_ => Sender.Tell("started"));
            Receive<int>(n => child.Forward(n));
        }
    }

    private sealed class Middle : ReceiveActor
    {
        public Middle(ManualResetEventSlim gate)
        {
            var blocked = Context.ActorOf(Props.Create(() => new Blocked(gate)), "blocked");
            Receive<int>(n => blocked.Forward(n));
        }
    }

    private sealed class Blocked : ReceiveActor
    {
        public Blocked(ManualResetEventSlim gate) => Receive<int>(_ => gate.Wait(TimeSpan.FromSeconds(30)));
    }
}
