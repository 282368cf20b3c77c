package org.hearth.agent.vm;

import static org.hearth.agent.vm.RecordingOutbox.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.hearth.agent.vm.FakeRuntime.FakeWorkload;
import org.hearth.protocol.agent.AgentMessage.TerminalExit;
import org.hearth.protocol.agent.AgentMessage.TerminalOpen;
import org.junit.jupiter.api.Test;

class TerminalSessionsTest {

  private final RecordingOutbox outbox = new RecordingOutbox();
  private final TerminalSessions terminals = new TerminalSessions(outbox);
  private final FakeWorkload vm = new FakeWorkload("vm-1");

  @Test
  void aTerminalCarriesOutputInputAndResizesAndReportsTheShellsExit() throws Exception {
    terminals.open(new TerminalOpen("vm-1", 5, 80, 24), Optional.of(vm));
    terminals.input(5, ByteBuffer.wrap("echo hi\n".getBytes()));
    terminals.resize(5, 120, 40);
    await(() -> vm.terminals.size() == 1, "the terminal to open");
    FakeTerminal terminal = vm.terminals.get(0);
    await(() -> terminal.typed().equals("echo hi\n"), "the input");
    await(() -> terminal.sizes.size() == 2, "the resize");

    terminal.shellEnds("hi\n", 0);
    await(() -> !outbox.messages().isEmpty(), "the exit");

    assertEquals(List.of("80x24", "120x40"), terminal.sizes);
    assertEquals(5, outbox.frames().get(0).channel());
    assertEquals(List.of(new TerminalExit(5, 0, null)), outbox.messages());
    await(() -> terminal.closed, "the terminal to be closed");
  }

  @Test
  void severalTerminalsShareAVm() throws Exception {
    terminals.open(new TerminalOpen("vm-1", 1, 80, 24), Optional.of(vm));
    await(() -> vm.terminals.size() == 1, "the first terminal"); // opens are asynchronous
    terminals.open(new TerminalOpen("vm-1", 2, 80, 24), Optional.of(vm));
    await(() -> vm.terminals.size() == 2, "both terminals");

    vm.terminals.get(0).shellEnds("", 1);
    vm.terminals.get(1).shellEnds("", 2);
    await(() -> outbox.messages().size() == 2, "both exits");

    assertTrue(outbox.messages().contains(new TerminalExit(1, 1, null)));
    assertTrue(outbox.messages().contains(new TerminalExit(2, 2, null)));
  }

  @Test
  void aVmThatIsNotRunningGetsNoTerminal() {
    terminals.open(new TerminalOpen("vm-9", 3, 80, 24), Optional.empty());

    assertEquals(
        List.of(new TerminalExit(3, -1, "VM vm-9 is not running on this node")), outbox.messages());
  }

  @Test
  void aTerminalThatCannotOpenEndsWithMinusOneAndTheReason() throws Exception {
    vm.terminalFailure = "no shell";

    terminals.open(new TerminalOpen("vm-1", 4, 80, 24), Optional.of(vm));
    terminals.input(4, ByteBuffer.wrap("lost".getBytes()));
    await(() -> !outbox.messages().isEmpty(), "the refusal");

    assertEquals(
        List.of(new TerminalExit(4, -1, "cannot open a terminal: no shell")), outbox.messages());
  }

  @Test
  void closeHangsUpWithoutAnExitMessage() throws Exception {
    terminals.open(new TerminalOpen("vm-1", 6, 80, 24), Optional.of(vm));
    await(() -> vm.terminals.size() == 1, "the terminal to open");

    terminals.close(6);

    FakeTerminal terminal = vm.terminals.get(0);
    await(() -> terminal.closed, "the hang-up");
    Thread.sleep(50);
    assertEquals(List.of(), outbox.messages());
    terminals.input(6, ByteBuffer.wrap("ignored".getBytes()));
    assertEquals("", terminal.typed());
  }

  @Test
  void aChannelCannotBeOpenedTwice() throws Exception {
    terminals.open(new TerminalOpen("vm-1", 8, 80, 24), Optional.of(vm));
    terminals.open(new TerminalOpen("vm-1", 8, 80, 24), Optional.of(vm));

    assertEquals(List.of(new TerminalExit(8, -1, "channel 8 is already open")), outbox.messages());
    terminals.closeAll();
    await(() -> vm.terminals.size() == 1 && vm.terminals.get(0).closed, "closeAll");
  }
}
