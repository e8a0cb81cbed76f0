"""The reference page for the benchmark: the smallest page this Streamlit serves, a title and one line."""

import streamlit as st

st.title("Reference page")
st.write("One line of text.")
