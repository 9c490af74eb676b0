"""The pacer's rules on a clock we control: overall rate, per-chat spacing, group minute window, pauses."""

from __future__ import annotations

import pytest

from bot.delivery.pacing import CHAT_MARGIN, GROUP_MARGIN, IN_FLIGHT_POLL, RATE_MARGIN, Pacer


def test_overall_rate_spaces_every_send() -> None:
    """At 25 per second each send waits one spacing after the previous, whatever the chat."""
    pacer = Pacer(25)
    pacer.record(1, False, 100.0)
    assert pacer.wait_for(2, False, 100.0) == pytest.approx(RATE_MARGIN / 25)
    assert pacer.wait_for(2, False, 100.0 + RATE_MARGIN / 25) == 0


def test_missed_slots_are_not_made_up_with_a_burst() -> None:
    """After an idle spell the next slot is one spacing after now, not a backlog of old slots."""
    pacer = Pacer(10)
    pacer.record(1, False, 0.0)
    pacer.record(2, False, 50.0)
    assert pacer.global_wait(50.0) == pytest.approx(RATE_MARGIN / 10)


def test_uncapped_pacer_has_no_overall_wait() -> None:
    """Without a rate only per-chat rules apply."""
    pacer = Pacer(None)
    for chat in range(100):
        pacer.record(chat, False, 5.0)
    assert pacer.global_wait(5.0) == 0
    assert pacer.chat_wait(7, False, 5.0) == pytest.approx(1.0 + CHAT_MARGIN)


def test_one_message_per_second_per_chat() -> None:
    """A chat waits a second (plus margin) after its last message; other chats do not."""
    pacer = Pacer(None)
    pacer.record(42, False, 10.0)
    assert pacer.chat_wait(42, False, 10.5) == pytest.approx(0.5 + CHAT_MARGIN)
    assert pacer.chat_wait(43, False, 10.5) == 0
    assert pacer.chat_wait(42, False, 11.0 + CHAT_MARGIN) == 0


def test_album_counts_each_item() -> None:
    """An album of three items spaces the chat for three seconds and uses three overall slots."""
    pacer = Pacer(10)
    pacer.record(42, False, 0.0, weight=3)
    assert pacer.chat_wait(42, False, 0.0) == pytest.approx(3.0 + CHAT_MARGIN)
    assert pacer.global_wait(0.0) == pytest.approx(3 * RATE_MARGIN / 10)


def test_twenty_per_minute_per_group() -> None:
    """The 21st message to a group within a minute waits until the first leaves the window."""
    pacer = Pacer(None)
    group = -100
    for second in range(20):
        assert pacer.chat_wait(group, True, second * 1.1) == 0
        pacer.record(group, True, second * 1.1)
    wait = pacer.chat_wait(group, True, 21 * 1.1)
    assert wait == pytest.approx(60.0 + GROUP_MARGIN - 21 * 1.1)
    assert pacer.chat_wait(group, True, 60.0 + GROUP_MARGIN) == 0


def test_private_chats_have_no_minute_window() -> None:
    """The per-minute rule applies to groups and channels only."""
    pacer = Pacer(None)
    for second in range(30):
        pacer.record(7, False, second * 1.1)
    assert pacer.chat_wait(7, False, 30 * 1.1) == 0


def test_pauses_only_grow() -> None:
    """A later, shorter RetryAfter never releases an earlier, longer pause (PTB issue 5338)."""
    pacer = Pacer(25)
    pacer.pause_all(30.0)
    pacer.pause_all(10.0)
    assert pacer.paused(29.9)
    assert pacer.global_wait(0.0) == pytest.approx(30.0)
    pacer.pause_chat(5, 20.0)
    pacer.pause_chat(5, 12.0)
    assert pacer.chat_pause(5, 0.0) == pytest.approx(20.0)
    assert pacer.chat_pause(6, 0.0) == 0


def test_migrated_chat_keeps_its_pacing() -> None:
    """After a move to a supergroup id, the chat's spacing and pause carry over."""
    pacer = Pacer(None)
    pacer.record(-5, True, 0.0)
    pacer.pause_chat(-5, 9.0)
    pacer.move_chat(-5, -1005)
    assert pacer.chat_pause(-1005, 0.0) == pytest.approx(9.0)
    assert pacer.chat_wait(-5, True, 0.0) == 0


def test_idle_chats_are_forgotten() -> None:
    """Chats with nothing left to wait for are dropped, so memory stays flat over long runs."""
    pacer = Pacer(None)
    pacer.record(1, False, 0.0)
    pacer.record(-2, True, 0.0)
    assert pacer.forget_idle(5.0) == 1  # the group is still inside its minute window
    assert pacer.forget_idle(61.0) == 1


def test_no_second_holds_more_than_the_rate_at_launch() -> None:
    """However late the sends before it left, a send waits until the last second holds fewer than rate."""
    pacer = Pacer(5)
    for moment in (0.30, 0.31, 0.32, 0.33, 0.34):  # five late sends bunched together
        assert pacer.launch_wait(moment) == 0
        pacer.launched(moment)
    assert pacer.launch_wait(0.35) == pytest.approx(0.95)
    assert pacer.launch_wait(1.30) == 0
    assert Pacer(None).launch_wait(0.0) == 0


def test_current_rate_counts_recent_sends() -> None:
    """The current sending rate is the sends of the last ten seconds per second."""
    pacer = Pacer(25)
    for i in range(50):
        pacer.launched(100.0 + i * 0.1)
    assert pacer.current_rate(105.0) == pytest.approx(5.0)
    assert pacer.current_rate(200.0) == 0


def test_replies_and_broadcasts_share_one_window_and_replies_go_first() -> None:
    """Replies count in the window broadcasts launch against, from their launch until a second after
    their answer; a broadcast holds at its rate while a reply may still go, up to Telegram's overall
    limit less the headroom, never beyond."""
    pacer = Pacer(25)
    assert pacer.reply_limit == 28
    for i in range(25):
        pacer.launched(i * 0.01)
    assert pacer.launch_wait(0.30) > 0  # the broadcast's own rate is used up
    for i in range(3):
        assert pacer.reply_wait(0.30 + i * 0.01) == 0  # a reply still has room
        pacer.reply_started()
    assert pacer.reply_wait(0.40) == pytest.approx(0.60)  # 28 counted (three awaiting answers): the oldest must leave
    for i in range(3):
        pacer.reply_finished(0.40 + i * 0.01)
    assert pacer.reply_wait(0.45) == pytest.approx(0.55)  # until the oldest broadcast send leaves
    assert pacer.reply_wait(0.45, weight=3) == pytest.approx(0.57)  # an album of three needs three to leave
    assert pacer.reply_wait(1.30) == 0
    assert pacer.launch_wait(1.30) == 0
    assert pacer.current_rate(1.0) == pytest.approx(2.5)  # replies are not the broadcast's send rate
    assert Pacer(None).reply_wait(0.0) == 0


def test_a_reply_in_flight_holds_broadcasts_too() -> None:
    """A broadcast send counts the replies still waiting for their answers."""
    pacer = Pacer(2)
    pacer.reply_started()
    pacer.reply_started()
    assert pacer.launch_wait(0.0) == IN_FLIGHT_POLL  # nothing to wait for but their answers
    pacer.reply_finished(0.1)
    assert pacer.launch_wait(0.2) == pytest.approx(0.9)  # the answered one leaves the window at 1.1
    pacer.reply_finished(0.3)
    assert pacer.launch_wait(0.35) == pytest.approx(0.75)
    assert pacer.launch_wait(1.2) == 0


def test_replies_never_starve_at_the_highest_rate() -> None:
    """At BROADCAST_RATE=30 (or a paid rate) replies may fill the window as far as broadcasts may."""
    assert Pacer(30).reply_limit == 30
    assert Pacer(200).reply_limit == 200
