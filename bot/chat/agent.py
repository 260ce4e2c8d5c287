"""The agent view, by its parts: the case (`agent_case`), its cards (`agent_cards`), the result
panel that shows them with the reply (`agent_result`) and the screen (`agent_screen`). This
module names them together for callers of `bot.chat.agent`."""

from __future__ import annotations

from bot.chat.agent_cards import AnswerInput
from bot.chat.agent_case import AgentCase, agent_summary
from bot.chat.agent_input import TicketArea
from bot.chat.agent_screen import AgentScreen

__all__ = ["AgentCase", "AgentScreen", "AnswerInput", "TicketArea", "agent_summary"]
