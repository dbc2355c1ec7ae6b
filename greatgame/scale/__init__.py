"""Running greatgame beyond one process: the Dask engine and its Parquet lake."""
