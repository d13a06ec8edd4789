"""The talent pool: resumes read and analysed once, kept in SQLite or PostgreSQL, then
ranked against any number of postings, levels and industries, and searched, in seconds.

:class:`Pool` adds, lists and removes entries; :func:`rank_pool` ranks them;
:func:`search_pool` finds them by words and skills.
"""

from matcher.pool.pool import Added, Listed, Pool
from matcher.pool.rank import PoolRanking, RankQuery, rank_pool
from matcher.pool.store import PoolError

__all__ = ["Added", "Listed", "Pool", "PoolError", "PoolRanking", "RankQuery", "rank_pool"]
