//! The embedded word lists every stage looks names up in: the agency registry, the place-name
//! gazetteer, and the lookup keys and readable forms of names.

pub mod agencies;
pub mod gazetteer;
pub mod names;
