# SQLCipher's driver is a fork of Python's sqlite3 module (pysqlite3) with the same API
# but classes of its own; it ships no types, so it is typed as sqlite3 is.
from sqlite3 import (
    Connection as Connection,
)
from sqlite3 import (
    Cursor as Cursor,
)
from sqlite3 import (
    DatabaseError as DatabaseError,
)
from sqlite3 import (
    Error as Error,
)
from sqlite3 import (
    IntegrityError as IntegrityError,
)
from sqlite3 import (
    OperationalError as OperationalError,
)
from sqlite3 import (
    ProgrammingError as ProgrammingError,
)
from sqlite3 import (
    connect as connect,
)
from sqlite3 import (
    sqlite_version as sqlite_version,
)
