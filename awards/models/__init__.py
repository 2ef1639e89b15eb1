from .awards import AwardPage, AwardsIndexPage
from .editions import AwardEditionPage, JuryMember, Nomination

__all__ = ["AwardEditionPage", "AwardPage", "AwardsIndexPage", "JuryMember", "Nomination"]
